export function serverOrganizations(): string {
  return 'server-organizations';
}
