export function platformsCore(): string {
  return 'platforms-core';
}
