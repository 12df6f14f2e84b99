export function serverPersistence(): string {
  return 'server-persistence';
}
