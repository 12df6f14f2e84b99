import { PUBLICATION_STATUS_LABELS, type ChannelView, type PublicationStatus, type PublicationView } from '@vestnik/contracts';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';

/** Statuses a person must decide on: the engine will not settle them alone. */
export const ATTENTION_STATUSES: readonly PublicationStatus[] = ['failed', 'unconfirmed', 'missed'];

export function needsDecision(status: PublicationStatus): boolean {
  return ATTENTION_STATUSES.includes(status);
}

export function platformTitle(platform: string): string {
  return (PLATFORM_TITLES as Record<string, string>)[platform] ?? platform;
}

export function publicationStatusLabel(status: PublicationStatus): string {
  return PUBLICATION_STATUS_LABELS[status];
}

/** What happened to a publication and what the person can do, in plain Russian. */
export interface PublicationReason {
  /** One line: what happened. */
  summary: string;
  /** The platform's words, when it gave any. */
  cause: string | null;
  /** What to do about it. */
  advice: string;
}

const withoutFinalStop = (s: string) => s.trim().replace(/[.\s]+$/, '');

export function publicationReason(p: Pick<PublicationView, 'status' | 'lastError' | 'attempts'>): PublicationReason | null {
  const cause = p.lastError ? withoutFinalStop(p.lastError) : null;
  switch (p.status) {
    case 'failed':
      return {
        summary: p.attempts > 1 ? `Площадка отказала в публикации (попыток: ${p.attempts}).` : 'Площадка отказала в публикации.',
        cause,
        advice: 'Устраните причину (например, подключите страницу заново в разделе «Каналы») и нажмите «Опубликовать снова».',
      };
    case 'unconfirmed':
      return {
        summary: 'Площадка не подтвердила публикацию: запись могла выйти, а могла и не выйти.',
        cause,
        advice: 'Откройте страницу на площадке. Если запись там есть — нажмите «Это опубликовано», если нет — «Опубликовать снова».',
      };
    case 'missed':
      return {
        summary: 'Запись не вышла вовремя, и с опозданием Вестник её сам не отправит.',
        cause,
        advice: 'Если запись ещё нужна — нажмите «Опубликовать снова»; если уже нет — ничего делать не надо.',
      };
    default:
      return null;
  }
}

export function channelReason(c: Pick<ChannelView, 'health'>): PublicationReason {
  return {
    summary: 'Вестник не может публиковать на этой странице: записи на неё не выходят.',
    cause: c.health.lastError ? withoutFinalStop(c.health.lastError) : null,
    advice: 'Откройте страницу в разделе «Каналы» и подключите её заново (обновите ключ доступа или права администратора).',
  };
}

/** «1 сентября 2026, 10:00»: an instant as wall-clock time of the zone. */
export function formatWhen(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('ru-RU', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}
