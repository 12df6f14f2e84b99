import type { Translate } from '@vestnik/editor/i18n';

/** "4 мин 05 с" or "45 с": abbreviations avoid Russian plural forms; the messages' no-break spaces keep it on one line. */
export function formatWait(seconds: number, t: Translate): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return t('auth.wait.seconds', { seconds: s });
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? t('auth.wait.minutesSeconds', { minutes, seconds: String(rest).padStart(2, '0') }) : t('auth.wait.minutes', { minutes });
}
