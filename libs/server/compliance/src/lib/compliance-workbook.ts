import { Workbook, Worksheet } from 'exceljs';
import { ComplianceFigures, ComplianceReport, ComplianceRow, formatZoned, NOT_KNOWN_TO_VESTNIK, RUBRIC_LABELS, RUBRICS } from '@vestnik/contracts';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';
import { mixTitle, monthTitle, reportTitle, weekTitle } from './compliance-labels';

/** What a cell of the table holds and how Excel shows it. */
interface Column {
  header: string;
  width: number;
  /** Excel number format; none for text. */
  numFmt?: string;
  row(r: ComplianceRow): string | number | null;
  total(report: ComplianceReport): string | number | null;
  /** Greyed: the value is not known to Vestnik. */
  unknown?: boolean;
}

const BELOW_MINIMUM_FILL = 'FFF8D7DA';
const HEADER_FILL = 'FFE9ECEF';
const PERCENT = '0%';
const INTEGER = '0';

/** Share of a rubric among what went out, as a fraction Excel shows in percent. */
const rubricShare = (f: ComplianceFigures, rubric: (typeof RUBRICS)[number]) => (f.published ? f.rubrics[rubric] / f.published : null);

function columns(report: ComplianceReport): Column[] {
  const unknown = (header: string): Column => ({ header, width: 16, row: () => NOT_KNOWN_TO_VESTNIK, total: () => NOT_KNOWN_TO_VESTNIK, unknown: true });
  return [
    { header: 'Организация', width: 34, row: (r) => r.organizationName, total: () => 'Итого по организации и подчинённым' },
    { header: 'Площадка', width: 14, row: (r) => PLATFORM_TITLES[r.platform], total: (t) => `страниц: ${t.total.pages}` },
    { header: 'Страница', width: 34, row: (r) => r.title, total: () => null },
    { header: 'Адрес страницы', width: 30, row: (r) => r.url ?? '—', total: () => null },
    { header: 'Минимум в неделю', width: 11, numFmt: INTEGER, row: (r) => r.weeklyMinimum, total: (t) => (t.total.pagesWithMinimum ? t.total.weeklyMinimum : null) },
    ...report.weeks.map(
      (w, i): Column => ({
        header: `Неделя ${weekTitle(w)}${w.complete ? '' : ' (не завершена)'}`,
        width: 12,
        numFmt: INTEGER,
        row: (r) => r.weeks[i]?.published ?? 0,
        total: (t) => t.total.weeks[i]?.published ?? 0,
      }),
    ),
    { header: 'Всего за месяц', width: 10, numFmt: INTEGER, row: (r) => r.published, total: (t) => t.total.published },
    { header: 'Пропущено недель', width: 11, numFmt: INTEGER, row: (r) => r.missedWeeks ?? '—', total: (t) => t.total.missedWeeks ?? '—' },
    ...RUBRICS.map((rubric): Column => ({ header: `${RUBRIC_LABELS[rubric]}, доля`, width: 13, numFmt: PERCENT, row: (r) => rubricShare(r, rubric), total: (t) => rubricShare(t.total, rubric) })),
    { header: 'Цель по рубрикам, % (офиц. / полезн. / развл.)', width: 18, row: (r) => mixTitle(r.rubricTarget), total: () => null },
    { header: 'Отклонение от цели, п. п.', width: 12, numFmt: INTEGER, row: (r) => r.rubricDeviation ?? '—', total: () => null },
    { header: 'Вовремя, доля', width: 10, numFmt: PERCENT, row: (r) => r.onTimeShare ?? '—', total: (t) => t.total.onTimeShare ?? '—' },
    { header: 'Сбои', width: 8, numFmt: INTEGER, row: (r) => r.failures.total, total: (t) => t.total.failures.total },
    { header: 'Не опубликовано', width: 11, numFmt: INTEGER, row: (r) => r.failures.failed, total: (t) => t.total.failures.failed },
    { header: 'Пропущено время', width: 11, numFmt: INTEGER, row: (r) => r.failures.missed, total: (t) => t.total.failures.missed },
    { header: 'Не подтверждено', width: 12, numFmt: INTEGER, row: (r) => r.failures.unconfirmed, total: (t) => t.total.failures.unconfirmed },
    unknown('Оформление страницы'),
    unknown('Отметки «Нравится»'),
    unknown('Репосты'),
    unknown('Комментарии'),
  ];
}

/** The header row of the main sheet: the title block above it, the frozen pane below it. */
export const WORKBOOK_HEADER_ROW = 10;

/**
 * The report as an Excel workbook: «Сводка» (title block with the month, the organization and the
 * rules, then one row per page and the total) and «По неделям» (one row per page and week).
 */
export async function complianceWorkbook(report: ComplianceReport): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Вестник';
  workbook.created = new Date(report.generatedAt);
  summarySheet(workbook.addWorksheet('Сводка', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } }), report);
  weeksSheet(workbook.addWorksheet('По неделям'), report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function summarySheet(sheet: Worksheet, report: ComplianceReport): void {
  const cols = columns(report);
  const generated = formatZoned(new Date(report.generatedAt), report.timezone);
  const titleLines = [
    reportTitle(report),
    `Организация: ${report.organizationName} (вместе с подчинёнными) · месяц: ${monthTitle(report.month)}`,
    `Сформирован ${generated.slice(8, 10)}.${generated.slice(5, 7)}.${generated.slice(0, 4)} ${generated.slice(11, 16)} (${report.timezone})`,
    report.rules.weeks,
    report.rules.missedWeek,
    report.rules.onTime,
    report.rules.failures,
    report.rules.notKnown,
  ];
  titleLines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = i === 0 ? { bold: true, size: 14 } : { size: i < 3 ? 11 : 9, italic: i >= 3 };
  });

  cols.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  const header = sheet.getRow(WORKBOOK_HEADER_ROW);
  header.values = cols.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 48;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
  });

  const weekColumn = (i: number) => 6 + i; // after organization, platform, page, address, minimum
  report.rows.forEach((r, n) => {
    const row = sheet.getRow(WORKBOOK_HEADER_ROW + 1 + n);
    row.values = cols.map((c) => c.row(r));
    formatRow(row, cols);
    if (r.url) row.getCell(4).value = { text: r.url, hyperlink: r.url };
    r.weeks.forEach((w, i) => {
      if (w.belowMinimum) row.getCell(weekColumn(i)).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BELOW_MINIMUM_FILL } };
    });
  });
  const total = sheet.getRow(WORKBOOK_HEADER_ROW + 1 + report.rows.length);
  total.values = cols.map((c) => c.total(report));
  formatRow(total, cols);
  total.font = { bold: true };
  total.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
  const below = sheet.getRow(total.number + 1);
  below.getCell(1).value = 'Страниц ниже минимума за неделю';
  report.total.weeks.forEach((w, i) => {
    const cell = below.getCell(weekColumn(i));
    cell.value = w.pagesBelowMinimum;
    cell.numFmt = INTEGER;
    if (w.pagesBelowMinimum > 0) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BELOW_MINIMUM_FILL } };
  });
  below.font = { italic: true };

  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: WORKBOOK_HEADER_ROW }];
  // Filtering and sorting take the pages only: the total and the row under it stay below them.
  sheet.autoFilter = { from: { row: WORKBOOK_HEADER_ROW, column: 1 }, to: { row: WORKBOOK_HEADER_ROW + report.rows.length, column: cols.length } };
}

function formatRow(row: ReturnType<Worksheet['getRow']>, cols: Column[]): void {
  cols.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    if (c.numFmt && typeof cell.value === 'number') cell.numFmt = c.numFmt;
    if (typeof cell.value !== 'number') cell.alignment = { wrapText: true, vertical: 'top' };
    if (c.unknown) cell.font = { italic: true, color: { argb: 'FF6C757D' } };
  });
}

function weeksSheet(sheet: Worksheet, report: ComplianceReport): void {
  sheet.columns = [
    { header: 'Организация', width: 34 },
    { header: 'Площадка', width: 14 },
    { header: 'Страница', width: 34 },
    { header: 'Неделя', width: 14 },
    { header: 'Опубликовано', width: 13, style: { numFmt: INTEGER } },
    { header: 'Минимум в неделю', width: 12, style: { numFmt: INTEGER } },
    { header: 'Итог недели', width: 22 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  for (const r of report.rows) {
    r.weeks.forEach((w, i) => {
      const week = report.weeks[i];
      const verdict = !week?.complete ? 'неделя не завершена' : r.weeklyMinimum === null ? 'минимум не задан' : w.belowMinimum ? 'ниже минимума' : 'минимум выполнен';
      sheet.addRow([r.organizationName, PLATFORM_TITLES[r.platform], r.title, week ? weekTitle(week) : w.weekStart, w.published, r.weeklyMinimum, verdict]);
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}
