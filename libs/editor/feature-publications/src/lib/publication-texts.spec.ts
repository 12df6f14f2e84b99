import { channelReason, formatWhen, needsDecision, publicationReason } from './publication-texts';

describe('publication texts', () => {
  it('explains each status a person decides on, with the platform words and what to do', () => {
    const failed = publicationReason({ status: 'failed', lastError: 'нет права публиковать записи.', attempts: 3 });
    expect(failed).toEqual({
      summary: 'Площадка отказала в публикации (попыток: 3).',
      cause: 'нет права публиковать записи',
      advice: expect.stringContaining('«Опубликовать снова»'),
    });
    expect(publicationReason({ status: 'unconfirmed', lastError: null, attempts: 1 })?.advice).toContain('«Это опубликовано»');
    expect(publicationReason({ status: 'missed', lastError: null, attempts: 0 })?.summary).toContain('не вышла вовремя');
    expect(publicationReason({ status: 'published', lastError: null, attempts: 1 })).toBeNull();
    expect(['failed', 'unconfirmed', 'missed', 'published', 'pending'].map((s) => needsDecision(s as never))).toEqual([true, true, true, false, false]);
  });

  it('explains a page that needs attention', () => {
    const reason = channelReason({ health: { state: 'needs_attention', lastError: 'ключ доступа отозван', lastVerifiedAt: null, tokenExpiresAt: null, canPost: false } });
    expect(reason.cause).toBe('ключ доступа отозван');
    expect(reason.advice).toContain('«Каналы»');
  });

  it('shows times as wall-clock time of the organization zone', () => {
    expect(formatWhen('2026-08-31T23:00:00.000Z', 'Asia/Sakhalin')).toBe('1 сентября 2026 г. в 10:00');
    expect(formatWhen('2026-08-31T23:00:00.000Z', 'Europe/Moscow')).toBe('1 сентября 2026 г. в 02:00');
  });
});
