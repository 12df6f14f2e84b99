export * from './preview-format';
export * from './preview-gallery';
export * from './vk-post-preview';
export * from './ok-topic-preview';
export * from './telegram-message-preview';
export * from './max-message-preview';
