import { ComplianceFigures, ComplianceReport, ComplianceRules, NOT_KNOWN_TO_VESTNIK, ON_TIME_TOLERANCE_MINUTES, RUBRIC_LABELS, RUBRICS, RubricMix } from '@vestnik/contracts';

/** The rules the report counts by, printed in its header and answered with its data. */
export const COMPLIANCE_RULES: ComplianceRules = {
  weeks: 'Неделя — с понедельника по воскресенье по времени организации страницы; к месяцу относятся недели, понедельник которых приходится на этот месяц.',
  missedWeek: 'Неделя пропущена, если она закончилась и публикаций вышло меньше недельного минимума страницы; незавершённая неделя пропуском не считается.',
  onTime: `Вовремя — публикация вышла не позже чем через ${ON_TIME_TOLERANCE_MINUTES} минут после запланированного времени (после повторной отправки — от её времени).`,
  failures: 'Сбои — публикации, запланированные на недели месяца, в состоянии «Не опубликовано», «Пропущено время» или «Не подтверждено».',
  notKnown: `Оформление страницы и вовлечённость (отметки «Нравится», репосты, комментарии) учитываются в рейтинге госпабликов, но Вестник их не получает: в этих столбцах — «${NOT_KNOWN_TO_VESTNIK}».`,
};

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** `ноябрь 2026` for `2026-11`. */
export function monthTitle(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${year}`;
}

/** `02.11–08.11` for a week. */
export function weekTitle(week: { weekStart: string; weekEnd: string }): string {
  const short = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}`;
  return `${short(week.weekStart)}–${short(week.weekEnd)}`;
}

/** `40 / 40 / 20` for a mix in percent (official / useful / entertaining). */
export function mixTitle(mix: RubricMix | null): string {
  return mix ? RUBRICS.map((r) => mix[r]).join(' / ') : '—';
}

/** What went out by rubric, in percent of the month's publications: `50 / 30 / 20`. */
export function publishedMixTitle(figures: Pick<ComplianceFigures, 'rubrics' | 'published'>): string {
  if (!figures.published) return '—';
  return RUBRICS.map((r) => Math.round((figures.rubrics[r] / figures.published) * 100)).join(' / ');
}

/** `89 %`, or a dash when nothing went out. */
export function shareTitle(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

export const RUBRIC_ORDER_TITLE = RUBRICS.map((r) => RUBRIC_LABELS[r].toLowerCase()).join(' / ');

/** `Отчёт о ведении официальных страниц — ноябрь 2026`. */
export function reportTitle(report: Pick<ComplianceReport, 'month'>): string {
  return `Отчёт о ведении официальных страниц — ${monthTitle(report.month)}`;
}

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** `ministerstvo-obrazovaniya` for «Министерство образования»: the organization in an ASCII file name. */
export function organizationSlug(name: string): string {
  return [...name.toLowerCase()]
    .map((ch) => LATIN[ch] ?? ch)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * `attachment` with an ASCII name for old clients and the Russian one (RFC 5987 `filename*`):
 * `vestnik-compliance-ministerstvo-obrazovaniya-2026-11.xlsx` and `Вестник, ведение страниц — Министерство образования — 2026-11.xlsx`.
 */
export function attachmentDisposition(report: Pick<ComplianceReport, 'organizationId' | 'organizationName' | 'month'>, extension: 'xlsx' | 'pdf'): string {
  const ascii = `vestnik-compliance-${organizationSlug(report.organizationName) || report.organizationId}-${report.month}.${extension}`;
  // Characters file systems refuse, quotes and controls are left out of the Russian name.
  const readableName = report.organizationName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  const readable = `Вестник, ведение страниц — ${readableName} — ${report.month}.${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(readable)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

