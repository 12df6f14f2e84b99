export function platformsTelegram(): string {
  return 'platforms-telegram';
}
