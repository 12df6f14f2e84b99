import PDFDocument from 'pdfkit';
import { ComplianceFigures, ComplianceReport, formatZoned, NOT_KNOWN_TO_VESTNIK } from '@vestnik/contracts';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';
import { mixTitle, monthTitle, publishedMixTitle, reportTitle, shareTitle, weekTitle } from './compliance-labels';
import { ReportFonts } from './report-fonts';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 28;
const FONT_SIZE = 6.5;
const PADDING = 2.5;
const FOOTER = 16;
const BELOW_MINIMUM = '#f8d7da';
const HEADER_BACKGROUND = '#e9ecef';
const TOTAL_BACKGROUND = '#f1f3f5';
const GREY = '#6c757d';

interface Cell {
  text: string;
  /** Shaded: a week below the minimum. */
  alert?: boolean;
  muted?: boolean;
}

interface Column {
  header: string;
  /** At least this wide; a column with `share` takes that part of the room the others leave. */
  width: number;
  share?: number;
  align: 'left' | 'center';
}

/** A figure of a page or of the total, as the table prints it. */
function figureCells(f: ComplianceFigures): Cell[] {
  return [
    ...f.weeks.map((w) => ({ text: String(w.published), alert: w.belowMinimum === true })),
    { text: String(f.published) },
    { text: f.missedWeeks === null ? '—' : String(f.missedWeeks) },
    { text: publishedMixTitle(f) },
  ];
}

/**
 * The report on A4 landscape pages: the title block with the month, the organization and the rules,
 * then the table, its header repeated on every page, and «Страница N из M» at the foot of each.
 */
export function compliancePdf(report: ComplianceReport, fonts: ReportFonts): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: reportTitle(report), Author: 'Вестник', Subject: report.organizationName } });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titleBlock(doc, report);
  table(doc, report);
  pageNumbers(doc);
  doc.end();
  return done;
}

function titleBlock(doc: Doc, report: ComplianceReport): void {
  const generated = formatZoned(new Date(report.generatedAt), report.timezone);
  doc.font('bold').fontSize(14).text(reportTitle(report));
  doc.font('regular').fontSize(9).text(`Организация: ${report.organizationName} (вместе с подчинёнными) · месяц: ${monthTitle(report.month)}`);
  doc.text(`Сформирован ${generated.slice(8, 10)}.${generated.slice(5, 7)}.${generated.slice(0, 4)} ${generated.slice(11, 16)} (${report.timezone})`);
  doc.moveDown(0.4).fontSize(7).fillColor(GREY);
  for (const rule of [report.rules.weeks, report.rules.missedWeek, report.rules.onTime, report.rules.failures, report.rules.notKnown, 'Рубрики — доли официального / полезного / развлекательного, %. Вовлечённость — отметки «Нравится», репосты, комментарии. Розовым отмечены недели ниже минимума.']) {
    doc.text(rule);
  }
  doc.fillColor('black').moveDown(0.6);
}

function columns(report: ComplianceReport): Column[] {
  return [
    { header: 'Организация', width: 70, share: 0.42, align: 'left' },
    { header: 'Площадка', width: 30, align: 'left' },
    { header: 'Страница и адрес', width: 90, share: 0.58, align: 'left' },
    { header: 'Мин. в нед.', width: 26, align: 'center' },
    ...report.weeks.map((w): Column => ({ header: `${weekTitle(w)}${w.complete ? '' : ' (неполная)'}`, width: 30, align: 'center' })),
    { header: 'Всего за месяц', width: 26, align: 'center' },
    { header: 'Пропущено недель', width: 30, align: 'center' },
    { header: 'Рубрики, % факт', width: 44, align: 'center' },
    { header: 'Рубрики, % цель', width: 44, align: 'center' },
    { header: 'Вовремя', width: 26, align: 'center' },
    { header: 'Сбои', width: 22, align: 'center' },
    { header: 'Оформление', width: 40, align: 'center' },
    { header: 'Вовлечённость', width: 40, align: 'center' },
  ];
}

/**
 * Widths that break no word: each fixed column as wide as its longest word (header bold, cells
 * regular), the columns with a share split what is left of the page's width between them.
 */
function fitColumns(doc: Doc, cols: Column[], header: Cell[], rows: Cell[][], total: Cell[]): Column[] {
  const longestWord = (text: string, font: 'regular' | 'bold') => {
    doc.font(font).fontSize(FONT_SIZE);
    // The line breaker may break after a dash too (`02.11–` / `08.11`).
    return Math.max(0, ...text.split(/\s+|(?<=[–-])/).map((word) => doc.widthOfString(word)));
  };
  const fitted = cols.map((col, i) => {
    if (col.share) return { ...col };
    const widest = Math.max(longestWord(header[i].text, 'bold'), longestWord(total[i].text, 'bold'), ...rows.map((cells) => longestWord(cells[i].text, 'regular')));
    return { ...col, width: Math.max(col.width, Math.ceil(widest + 2 * PADDING + 1)) };
  });
  const available = 842 - 2 * MARGIN; // A4 landscape width in points
  const room = available - fitted.filter((c) => !c.share).reduce((sum, c) => sum + c.width, 0);
  for (const col of fitted) if (col.share) col.width = Math.max(col.width, Math.floor(room * col.share));
  return fitted;
}

function table(doc: Doc, report: ComplianceReport): void {
  const unknown: Cell = { text: NOT_KNOWN_TO_VESTNIK, muted: true };
  const header = columns(report).map((c): Cell => ({ text: c.header }));
  const rows: Cell[][] = report.rows.map((r) => [
    { text: r.organizationName },
    { text: PLATFORM_TITLES[r.platform] },
    { text: r.url ? `${r.title}\n${r.url}` : r.title },
    { text: r.weeklyMinimum === null ? '—' : String(r.weeklyMinimum) },
    ...figureCells(r),
    { text: mixTitle(r.rubricTarget) },
    { text: shareTitle(r.onTimeShare) },
    { text: String(r.failures.total) },
    unknown,
    unknown,
  ]);
  const t = report.total;
  const total: Cell[] = [
    { text: 'Итого по организации и подчинённым' },
    { text: `страниц: ${t.pages}` },
    { text: '' },
    { text: t.pagesWithMinimum ? String(t.weeklyMinimum) : '—' },
    ...figureCells(t),
    { text: '' },
    { text: shareTitle(t.onTimeShare) },
    { text: String(t.failures.total) },
    unknown,
    unknown,
  ];

  // Under the total: how many pages fell short of their minimum each week.
  const below: Cell[] = header.map(() => ({ text: '' }));
  below[0] = { text: 'Страниц ниже минимума за неделю' };
  t.weeks.forEach((w, i) => (below[4 + i] = { text: String(w.pagesBelowMinimum), alert: w.pagesBelowMinimum > 0 }));
  const cols = fitColumns(doc, columns(report), header, [...rows, below], total);
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  drawRow(doc, cols, header, { bold: true, background: HEADER_BACKGROUND });
  const lines: [Cell[], { bold?: boolean; background?: string }][] = [...rows.map((cells): [Cell[], object] => [cells, {}]), [total, { bold: true, background: TOTAL_BACKGROUND }], [below, { background: TOTAL_BACKGROUND }]];
  for (const [cells, style] of lines) {
    if (doc.y + rowHeight(doc, cols, cells, !!style.bold) > bottom()) {
      doc.addPage();
      drawRow(doc, cols, header, { bold: true, background: HEADER_BACKGROUND });
    }
    drawRow(doc, cols, cells, style);
  }
}

function rowHeight(doc: Doc, cols: Column[], cells: Cell[], bold: boolean): number {
  doc.font(bold ? 'bold' : 'regular').fontSize(FONT_SIZE);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell.text || ' ', { width: cols[i].width - 2 * PADDING }))) + 2 * PADDING;
}

function drawRow(doc: Doc, cols: Column[], cells: Cell[], style: { bold?: boolean; background?: string }): void {
  const height = rowHeight(doc, cols, cells, !!style.bold);
  const top = doc.y;
  let x = MARGIN;
  cols.forEach((col, i) => {
    const cell = cells[i];
    const fill = cell.alert ? BELOW_MINIMUM : style.background;
    if (fill) doc.rect(x, top, col.width, height).fill(fill);
    doc.rect(x, top, col.width, height).lineWidth(0.4).stroke('#adb5bd');
    doc
      .font(style.bold ? 'bold' : 'regular')
      .fontSize(FONT_SIZE)
      .fillColor(cell.muted ? GREY : 'black')
      .text(cell.text, x + PADDING, top + PADDING, { width: col.width - 2 * PADDING, align: col.align, lineBreak: true });
    x += col.width;
  });
  doc.fillColor('black');
  doc.x = MARGIN;
  doc.y = top + height;
}

function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page; the foot is drawn with it lifted.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(GREY)
      .text(`Страница ${i + 1 - range.start} из ${range.count}`, MARGIN, doc.page.height - MARGIN - 8, { width: doc.page.width - 2 * MARGIN, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
