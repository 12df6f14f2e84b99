/** "4 мин 05 с" or "45 с": abbreviations avoid Russian plural forms; no-break spaces keep it on one line. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s}\u00a0с`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${minutes}\u00a0мин ${String(rest).padStart(2, '0')}\u00a0с` : `${minutes}\u00a0мин`;
}
