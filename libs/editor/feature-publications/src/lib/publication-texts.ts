import type { ChannelView, PublicationStatus, PublicationView } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';

/** Statuses a person must decide on: the engine will not settle them alone. */
export const ATTENTION_STATUSES: readonly PublicationStatus[] = ['failed', 'unconfirmed', 'missed'];

export function needsDecision(status: PublicationStatus): boolean {
  return ATTENTION_STATUSES.includes(status);
}

/** What happened to a publication and what the person can do, in plain words. */
export interface PublicationReason {
  /** One line: what happened. */
  summary: string;
  /** The platform's words, when it gave any. */
  cause: string | null;
  /** What to do about it. */
  advice: string;
}

const withoutFinalStop = (s: string) => s.trim().replace(/[.\s]+$/, '');

export function publicationReason(p: Pick<PublicationView, 'status' | 'lastError' | 'attempts'>, t: Translate): PublicationReason | null {
  const cause = p.lastError ? withoutFinalStop(p.lastError) : null;
  switch (p.status) {
    case 'failed':
      return {
        summary: p.attempts > 1 ? t('publications.reason.failed.summaryAttempts', { attempts: p.attempts }) : t('publications.reason.failed.summary'),
        cause,
        advice: t('publications.reason.failed.advice'),
      };
    case 'unconfirmed':
      return { summary: t('publications.reason.unconfirmed.summary'), cause, advice: t('publications.reason.unconfirmed.advice') };
    case 'missed':
      return { summary: t('publications.reason.missed.summary'), cause, advice: t('publications.reason.missed.advice') };
    default:
      return null;
  }
}

export function channelReason(c: Pick<ChannelView, 'health'>, t: Translate): PublicationReason {
  return {
    summary: t('publications.reason.channel.summary'),
    cause: c.health.lastError ? withoutFinalStop(c.health.lastError) : null,
    advice: t('publications.reason.channel.advice'),
  };
}

/** «1 сентября 2026 г. в 10:00» (in English «1 September 2026 at 10:00»): an instant as wall-clock time of the zone. */
export function formatWhen(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}
