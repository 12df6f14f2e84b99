import { testTranslator } from '@vestnik/editor/i18n/testing';
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
  const t = testTranslator('ru');

  it('speaks in minutes and seconds without plural forms', () => {
    expect(formatWait(45, t)).toBe('45\u00a0с');
    expect(formatWait(60, t)).toBe('1\u00a0мин');
    expect(formatWait(299.2, t)).toBe('5\u00a0мин');
    expect(formatWait(245, t)).toBe('4\u00a0мин 05\u00a0с');
    expect(formatWait(-3, t)).toBe('0\u00a0с');
  });

  it('speaks English too', () => {
    expect(formatWait(245, testTranslator('en'))).toBe('4\u00a0min 05\u00a0s');
  });
});

describe('the password hint', () => {
  it('says the minimum length with the Russian genitive forms and the English plural', () => {
    const t = testTranslator('ru');
    expect([10, 1, 3, 21].map((count) => t('auth.field.passwordHint', { count }))).toEqual(['Не короче 10 символов', 'Не короче 1 символа', 'Не короче 3 символов', 'Не короче 21 символа']);
    expect(testTranslator('en')('auth.field.passwordHint', { count: 10 })).toBe('At least 10 characters');
  });
});
