import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;
const ISSUER = 'Вестник';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUrl(secretBase32: string, account: string): string {
  return new TOTP({ issuer: ISSUER, label: account, secret: Secret.fromBase32(secretBase32), period: PERIOD, digits: 6, algorithm: 'SHA1' }).toString();
}

/**
 * Checks a 6-digit code with one step of clock drift either way. Returns the accepted time step, or
 * null. A step at or before `lastStep` is refused so that one code cannot be used twice.
 */
export function acceptTotp(secretBase32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), period: PERIOD, digits: 6, algorithm: 'SHA1' });
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The current code, for tests and for tools that enroll accounts. */
export function currentTotp(secretBase32: string, now = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), period: PERIOD, digits: 6, algorithm: 'SHA1' }).generate({ timestamp: now });
}
