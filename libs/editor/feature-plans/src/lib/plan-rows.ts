import { PLATFORM_TITLES } from '@vestnik/platforms/rules';
import { PLAN_HEADERS, RUBRIC_LABELS, type PlanColumn, type PlanImportRowView } from '@vestnik/contracts';

/** Column names as the plan's headers say them (the ones export writes), for the problems list. */
export const COLUMN_LABELS: Record<PlanColumn | 'row', string> = { ...PLAN_HEADERS, row: 'Строка' };

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

/** `2027-01-15T10:00` → `15.01.2027, 10:00`. */
export function localWhen(scheduledAt: string | null): string {
  const m = scheduledAt ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(scheduledAt) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}, ${m[4]}` : '—';
}

export function describePlanRow(row: PlanImportRowView): PlanRowLine {
  const text = row.text.replace(/\s+/g, ' ').trim();
  return {
    line: row.line,
    when: localWhen(row.scheduledAt),
    where: row.pages.map((p) => `${p.name} (${PLATFORM_TITLES[p.platform]})`).join(', ') || '—',
    organization: row.organizationName ?? '—',
    rubric: row.rubric ? RUBRIC_LABELS[row.rubric] : '—',
    excerpt: text.length > 120 ? `${text.slice(0, 119)}…` : text || '—',
    ok: row.verdict === 'ok' || row.verdict === 'created',
    problems: row.problems.map((p) => withColumn(COLUMN_LABELS[p.column], p.message)),
    postId: row.postId,
    outcome: row.verdict === 'ok' ? 'ready' : row.verdict,
  };
}

/** «Дата: …», unless the message already begins with the column's name («Время «25:00» не читается…»). */
function withColumn(label: string, message: string): string {
  return message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
}
