export * from './lib/platforms-vk';
