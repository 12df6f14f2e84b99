import { acceptTotp, currentTotp, newTotpSecret, otpauthUrl } from './totp';

describe('totp', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);

  it('accepts the current code once', () => {
    const step = acceptTotp(secret, currentTotp(secret, now), null, now);
    expect(step).not.toBeNull();
    expect(acceptTotp(secret, currentTotp(secret, now), step, now)).toBeNull();
  });

  it('tolerates one step of drift, not two', () => {
    expect(acceptTotp(secret, currentTotp(secret, now - 30_000), null, now)).not.toBeNull();
    expect(acceptTotp(secret, currentTotp(secret, now - 90_000), null, now)).toBeNull();
  });

  it('refuses a wrong code', () => {
    const wrong = String((Number(currentTotp(secret, now)) + 1) % 1_000_000).padStart(6, '0');
    expect(acceptTotp(secret, wrong, null, now)).toBeNull();
  });

  it('builds an otpauth URL naming the issuer', () => {
    expect(otpauthUrl(secret, 'a@b.ru')).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  });
});
