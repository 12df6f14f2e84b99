export function platformsRules(): string {
  return 'platforms-rules';
}
