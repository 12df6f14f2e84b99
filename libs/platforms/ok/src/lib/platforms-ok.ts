export function platformsOk(): string {
  return 'platforms-ok';
}
