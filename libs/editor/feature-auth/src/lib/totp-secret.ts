/** Groups a base32 secret by four characters so it can be typed without losing one's place. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
