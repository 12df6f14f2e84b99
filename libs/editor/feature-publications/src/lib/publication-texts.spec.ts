import { testTranslator } from '@vestnik/editor/i18n/testing';
import { channelReason, formatWhen, needsDecision, publicationReason } from './publication-texts';

const t = testTranslator('ru');
const en = testTranslator('en');

describe('publication texts', () => {
  it('explains each status a person decides on, with the platform words and what to do', () => {
    const failed = publicationReason({ status: 'failed', lastError: 'нет права публиковать записи.', attempts: 3 }, t);
    expect(failed).toEqual({
      summary: 'Площадка отказала в публикации (попыток: 3).',
      cause: 'нет права публиковать записи',
      advice: expect.stringContaining('«Опубликовать снова»'),
    });
    expect(publicationReason({ status: 'failed', lastError: null, attempts: 1 }, t)?.summary).toBe('Площадка отказала в публикации.');
    expect(publicationReason({ status: 'unconfirmed', lastError: null, attempts: 1 }, t)?.advice).toContain('«Это опубликовано»');
    expect(publicationReason({ status: 'missed', lastError: null, attempts: 0 }, t)?.summary).toContain('не вышла вовремя');
    expect(publicationReason({ status: 'published', lastError: null, attempts: 1 }, t)).toBeNull();
    expect(['failed', 'unconfirmed', 'missed', 'published', 'pending'].map((s) => needsDecision(s as never))).toEqual([true, true, true, false, false]);
  });

  it('explains a page that needs attention', () => {
    const reason = channelReason({ health: { state: 'needs_attention', lastError: 'ключ доступа отозван', lastVerifiedAt: null, tokenExpiresAt: null, canPost: false } }, t);
    expect(reason.cause).toBe('ключ доступа отозван');
    expect(reason.advice).toContain('«Каналы»');
  });

  it('speaks English, keeping the platform words as they came', () => {
    const failed = publicationReason({ status: 'failed', lastError: 'access denied.', attempts: 2 }, en);
    expect(failed).toEqual({ summary: 'The platform refused the publication (attempts: 2).', cause: 'access denied', advice: expect.stringContaining('“Publish again”') });
  });

  it('shows times as wall-clock time of the organization zone', () => {
    expect(formatWhen('2026-08-31T23:00:00.000Z', 'Asia/Sakhalin', 'ru-RU')).toBe('1 сентября 2026 г. в 10:00');
    expect(formatWhen('2026-08-31T23:00:00.000Z', 'Europe/Moscow', 'ru-RU')).toBe('1 сентября 2026 г. в 02:00');
    expect(formatWhen('2026-08-31T23:00:00.000Z', 'Asia/Sakhalin', 'en-GB')).toBe('1 September 2026 at 10:00');
  });
});
