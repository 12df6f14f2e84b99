import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { PLAN_COLUMNS, type PlanColumn } from '@vestnik/contracts';

/** The most rows one plan may hold: a month of daily posts for a large subtree, and then some. */
export const MAX_PLAN_ROWS = 2000;

/** One data row of a plan file, its cells by column, as text. */
export interface PlanFileRow {
  /** Line in the file; the header is line 1. */
  line: number;
  cells: Partial<Record<PlanColumn, string>>;
}

export type PlanFileReading =
  | { ok: true; rows: PlanFileRow[]; columns: PlanColumn[] }
  | { ok: false; message: string };

/** Headers people write, lower-cased, to our columns. */
const HEADER_ALIASES: Record<string, PlanColumn> = {
  'дата': 'date', date: 'date', 'день': 'date',
  'время': 'time', time: 'time',
  'страница': 'page', 'страницы': 'page', 'канал': 'page', 'каналы': 'page', page: 'page', pages: 'page', channel: 'page', channels: 'page',
  'организация': 'organization', organization: 'organization',
  'рубрика': 'rubric', rubric: 'rubric',
  'заголовок': 'title', 'название': 'title', title: 'title',
  'текст': 'text', text: 'text',
  'ссылка': 'link', link: 'link',
  'изображения': 'images', 'изображение': 'images', 'картинка': 'images', 'картинки': 'images', images: 'images', image: 'images',
};

/** Which file it is, by its first bytes: an XLSX is a ZIP archive. */
export function sniffPlanFormat(bytes: Uint8Array): 'xlsx' | 'csv' | 'unknown' {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  // A text file: no NUL bytes and decodes without replacement characters.
  if (!head.includes('\u0000') && !head.includes('\ufffd')) return 'csv';
  return 'unknown';
}

export async function readPlanFile(bytes: Uint8Array): Promise<PlanFileReading> {
  const format = sniffPlanFormat(bytes);
  if (format === 'xlsx') return readXlsx(bytes);
  if (format === 'csv') return readCsv(Buffer.from(bytes).toString('utf8'));
  return { ok: false, message: 'Файл не похож ни на CSV (текст в UTF-8), ни на XLSX: сохраните план в одном из этих форматов' };
}

function readCsv(source: string): PlanFileReading {
  const text = source.replace(/^\ufeff/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t'] });
  const table = parsed.data.map((cells) => cells.map((c) => String(c ?? '')));
  return fromTable(table.map((cells, i) => ({ line: i + 1, cells })));
}

async function readXlsx(bytes: Uint8Array): Promise<PlanFileReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it reads.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: 'Не удалось прочитать XLSX: файл повреждён или это другой формат' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: 'В файле XLSX нет ни одного листа' };
  const header = sheet.getRow(1);
  const columnsByIndex = new Map<number, PlanColumn>();
  header.eachCell((cell, index) => {
    const column = HEADER_ALIASES[cellText(cell.value, undefined).trim().toLowerCase()];
    if (column) columnsByIndex.set(index, column);
  });
  const table: { line: number; cells: string[] }[] = [];
  const width = Math.max(header.cellCount, ...[...columnsByIndex.keys()]);
  const headerCells = Array.from({ length: width }, (_, i) => cellText(header.getCell(i + 1).value, undefined));
  table.push({ line: 1, cells: headerCells });
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    table.push({ line, cells: Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value, columnsByIndex.get(i + 1))) });
  });
  return fromTable(table);
}

/** First line: headers; the rest: rows. Unknown headers are ignored; `text` and `date` must be there. */
function fromTable(table: { line: number; cells: string[] }[]): PlanFileReading {
  const [header, ...body] = table;
  if (!header) return { ok: false, message: 'Файл пуст: в первой строке должны быть заголовки столбцов (Дата, Время, Страница, Рубрика, Текст)' };
  const columns = header.cells.map((h) => HEADER_ALIASES[h.trim().toLowerCase()]);
  const found = PLAN_COLUMNS.filter((c) => columns.includes(c));
  const missing = (['date', 'text'] as const).filter((c) => !found.includes(c));
  if (missing.length) {
    const names = missing.map((c) => (c === 'date' ? '«Дата»' : '«Текст»')).join(' и ');
    return { ok: false, message: `В первой строке нет столбца ${names}: заголовки столбцов — Дата, Время, Страница или Организация, Рубрика, Текст` };
  }
  if (!found.includes('page') && !found.includes('organization')) {
    return { ok: false, message: 'В первой строке нет столбца «Страница» или «Организация»: строке нужно знать, куда публиковать' };
  }
  const rows = body
    .map(({ line, cells }) => {
      const out: Partial<Record<PlanColumn, string>> = {};
      columns.forEach((column, i) => {
        if (column && out[column] === undefined) out[column] = (cells[i] ?? '').trim();
      });
      return { line, cells: out };
    })
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
  if (rows.length === 0) return { ok: false, message: 'В файле нет ни одной строки плана под заголовками' };
  if (rows.length > MAX_PLAN_ROWS) return { ok: false, message: `В файле ${rows.length} строк; за один раз можно загрузить не больше ${MAX_PLAN_ROWS}: разделите план на части` };
  return { ok: true, rows, columns: found };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as text. Date and time cells arrive as Date objects holding the typed wall time in UTC
 * (Excel has no zones), or as day fractions and serial numbers; they become `YYYY-MM-DD` / `HH:mm`.
 */
function cellText(value: ExcelJS.CellValue, column: PlanColumn | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (column === 'time') return `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number') {
    if (column === 'time' && value >= 0 && value < 1) {
      const minutes = Math.round(value * 24 * 60);
      return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    }
    if (column === 'date' && value > 20000 && value < 80000) {
      // Excel's serial day: 25569 is 1970-01-01.
      const d = new Date(Math.round((value - 25569) * 86400_000));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    }
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue, column);
  return '';
}
