import type { Translate } from '@vestnik/editor/i18n';

/** The message, under `auth.failure.`, for an answer without a body of ours, by HTTP status. */
const BY_STATUS: Readonly<Record<number, string>> = {
  [-1]: 'client',
  0: 'network',
  401: 'sessionEnded',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  429: 'tooManyAttempts',
};

/**
 * The editor's own words for a call that failed without the server saying why: no answer (0), an
 * answer without our error body (its HTTP status), or the editor's own fault (-1).
 */
export function fallbackFailureMessage(status: number, t: Translate): string {
  return t(`auth.failure.${BY_STATUS[status] ?? (status >= 500 ? 'server' : 'other')}`);
}
