import { groupSecret } from './totp-secret';
import { formatWait } from './wait-time';

describe('groupSecret', () => {
  it('groups a base32 secret by four characters', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
    expect(groupSecret(' AB CD EF ')).toBe('ABCD EF');
  });
});

describe('formatWait', () => {
  it('speaks in minutes and seconds without plural forms', () => {
    expect(formatWait(45)).toBe('45\u00a0с');
    expect(formatWait(60)).toBe('1\u00a0мин');
    expect(formatWait(299.2)).toBe('5\u00a0мин');
    expect(formatWait(245)).toBe('4\u00a0мин 05\u00a0с');
    expect(formatWait(-3)).toBe('0\u00a0с');
  });
});
