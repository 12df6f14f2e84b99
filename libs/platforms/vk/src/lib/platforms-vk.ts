export function platformsVk(): string {
  return 'platforms-vk';
}
