import { PLAN_COLUMNS, type PlanColumn, type PlanImportRowView } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';

/** A column's name as the plan's headers say it (the ones export writes), for the problems list. */
export function columnLabel(column: PlanColumn | 'row', t: Translate): string {
  return (PLAN_COLUMNS as readonly string[]).includes(column) ? t(`plans.column.${column}`) : t('plans.column.row');
}

/** One row of the preview table, in words. */
export interface PlanRowLine {
  line: number;
  when: string;
  where: string;
  organization: string;
  rubric: string;
  excerpt: string;
  ok: boolean;
  problems: string[];
  postId: string | null;
  outcome: 'ready' | 'invalid' | 'created' | 'failed';
}

/** `2027-01-15T10:00` → `15.01.2027, 10:00` (en-GB `15/01/2027, 10:00`): the wall-clock time as written, in `locale`. */
export function localWhen(scheduledAt: string | null, locale: string): string {
  const m = scheduledAt ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(scheduledAt) : null;
  if (!m) return '—';
  // The time is already the organization's own: written as UTC, so no zone shifts it.
  const wallClock = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(wallClock);
}

export function describePlanRow(row: PlanImportRowView, t: Translate, locale: string): PlanRowLine {
  const text = row.text.replace(/\s+/g, ' ').trim();
  return {
    line: row.line,
    when: localWhen(row.scheduledAt, locale),
    where: row.pages.map((p) => `${p.name} (${t(`common.platform.name.${p.platform}`)})`).join(', ') || '—',
    organization: row.organizationName ?? '—',
    rubric: row.rubric ? t(`common.rubric.${row.rubric}`) : '—',
    excerpt: text.length > 120 ? `${text.slice(0, 119)}…` : text || '—',
    ok: row.verdict === 'ok' || row.verdict === 'created',
    problems: row.problems.map((p) => withColumn(columnLabel(p.column, t), p.message)),
    postId: row.postId,
    outcome: row.verdict === 'ok' ? 'ready' : row.verdict,
  };
}

/** «Дата: …», unless the message already begins with the column's name («Время «25:00» не читается…»). */
function withColumn(label: string, message: string): string {
  return message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
}
