/** `YYYY-MM-DDTHH:mm` of `time` on the day `days` from today, both in the zone (the API reads it there). */
export function localTime(days: number, time: string, timeZone: string, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [y, m, d] = today.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  return `${day}T${time}`;
}
