/** True when `tz` is an IANA time zone name known to this runtime's ICU (e.g. `Asia/Sakhalin`). */
export function isIanaTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    // Intl also accepts offsets like "+03:00"; the product stores region names only.
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz) || tz === 'UTC';
  } catch {
    return false;
  }
}
