import ExcelJS from 'exceljs';
import { readPlanFile, sniffPlanFormat } from './plan-file';
import { checkPlanRows, readDate, readRubric, readTime, type PlanDirectory } from './plan-rows';

const ROOT = { id: '00000000-0000-4000-8000-000000000001', name: 'Министерство', path: 'r/', timezone: 'Asia/Sakhalin' };
const SCHOOL = { id: '00000000-0000-4000-8000-000000000002', name: 'Школа №1', path: 'r/s1/', timezone: 'Asia/Sakhalin' };
const CLUB = { id: '00000000-0000-4000-8000-000000000003', name: 'Дом культуры', path: 'r/dk/', timezone: 'Asia/Sakhalin' };
const VK = { id: '10000000-0000-4000-8000-000000000001', name: 'Школа ВК', platform: 'vk' as const, organizationId: SCHOOL.id, state: 'active' as const, target: 'club1' };
const TG = { id: '10000000-0000-4000-8000-000000000002', name: 'Школа Телеграм', platform: 'telegram' as const, organizationId: SCHOOL.id, state: 'active' as const, target: '@school1' };
const DK = { id: '10000000-0000-4000-8000-000000000003', name: 'ДК ВК', platform: 'vk' as const, organizationId: CLUB.id, state: 'active' as const, target: '-100200' };
const OFF = { id: '10000000-0000-4000-8000-000000000004', name: 'Старая', platform: 'ok' as const, organizationId: CLUB.id, state: 'disabled' as const, target: '555' };
const IMAGE = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';
const ref = { id: IMAGE, mimeType: 'image/jpeg', size: 1000, width: 800, height: 600 };
const dir: PlanDirectory = {
  organizations: [ROOT, SCHOOL, CLUB],
  channels: [VK, TG, DK, OFF],
  images: new Map([[IMAGE, { id: IMAGE, refs: { vk: ref, telegram: ref, ok: ref } }]]),
};
const NOW = new Date('2026-12-03T00:00:00Z');
const row = (cells: Record<string, string>, line = 2) => ({ line, cells });
const good = { date: '15.01.2027', time: '10:00', page: 'Школа ВК', rubric: 'полезное', text: 'Каникулы начинаются' };

describe('reading cells', () => {
  it('reads Russian and ISO dates, refusing days that do not exist', () => {
    expect(readDate('15.01.2027')).toBe('2027-01-15');
    expect(readDate('5.1.27')).toBe('2027-01-05');
    expect(readDate('2027-01-15')).toBe('2027-01-15');
    expect(readDate('31.02.2027')).toBeNull();
    expect(readDate('завтра')).toBeNull();
  });

  it('reads times and rubrics as people write them', () => {
    expect(readTime('9:05')).toBe('09:05');
    expect(readTime('10.30')).toBe('10:30');
    expect(readTime('24:00')).toBeNull();
    expect(readRubric('Официальное')).toBe('official');
    expect(readRubric('развлекательная')).toBe('entertaining');
    expect(readRubric('useful')).toBe('useful');
    expect(readRubric('новости')).toBeNull();
  });
});

describe('checking rows', () => {
  it('accepts a good row, naming its page, organization and local time', () => {
    const [r] = checkPlanRows([row(good)], dir, NOW);
    expect(r).toMatchObject({ verdict: 'ok', problems: [], scheduledAt: '2027-01-15T10:00', organizationId: SCHOOL.id, rubric: 'useful' });
    expect(r.pages.map((p) => p.id)).toEqual([VK.id]);
  });

  it('finds pages by name, address or id, several per cell, and owns the draft by their deepest common organization', () => {
    const [school] = checkPlanRows([row({ ...good, page: 'https://t.me/school1/; ' + VK.id })], dir, NOW);
    expect(school.pages.map((p) => p.id)).toEqual([TG.id, VK.id]);
    expect(school.organizationId).toBe(SCHOOL.id);
    const [both] = checkPlanRows([row({ ...good, page: 'школа вк; ДК ВК' })], dir, NOW);
    expect(both.organizationId).toBe(ROOT.id);
  });

  it('takes every working page of a named organization', () => {
    const [r] = checkPlanRows([row({ ...good, page: '', organization: 'дом культуры' })], dir, NOW);
    expect(r.verdict).toBe('ok');
    expect(r.pages.map((p) => p.id)).toEqual([DK.id]);
  });

  it('names the column of every problem, and one bad row leaves the others alone', () => {
    const rows = checkPlanRows(
      [
        row({ date: '31.02.2027', time: '25:00', page: 'Нет такой', rubric: 'новости', text: '' }, 2),
        row(good, 3),
        row({ ...good, page: 'Старая' }, 4),
        row({ ...good, date: '01.12.2026' }, 5),
      ],
      dir,
      NOW,
    );
    expect(rows.map((r) => r.verdict)).toEqual(['invalid', 'ok', 'invalid', 'invalid']);
    expect(rows[0].problems.map((p) => p.column).sort()).toEqual(['date', 'page', 'rubric', 'text', 'time']);
    expect(rows[2].problems[0].message).toContain('отключена');
    expect(rows[3].problems[0]).toMatchObject({ column: 'date' });
    expect(rows[3].problems[0].message).toContain('уже прошло');
  });

  it('refuses a text over a target platform limit, naming the platform rule', () => {
    const [r] = checkPlanRows([row({ ...good, page: 'Школа Телеграм', text: 'а'.repeat(5000) })], dir, NOW);
    expect(r.verdict).toBe('invalid');
    expect(r.problems[0].column).toBe('text');
    expect(r.problems[0].message).toMatch(/Telegram/);
  });

  it('takes our own images by id or address and refuses others', () => {
    const [ok] = checkPlanRows([row({ ...good, images: `https://vestnik.example/api/v1/media/${IMAGE}/content` })], dir, NOW);
    expect(ok.mediaIds).toEqual([IMAGE]);
    const [bad] = checkPlanRows([row({ ...good, images: 'https://example.com/cat.jpg' })], dir, NOW);
    expect(bad.problems[0]).toMatchObject({ column: 'images' });
  });
});

describe('reading plan files', () => {
  it('reads a CSV with semicolons and a BOM, headers in any order', async () => {
    const csv = '\ufeffТекст;Дата;Время;Страница;Рубрика\n"Первая; с точкой с запятой";15.01.2027;10:00;Школа ВК;полезное\n\n';
    const read = await readPlanFile(Buffer.from(csv, 'utf8'));
    expect(read).toEqual({ ok: true, columns: ['date', 'time', 'page', 'rubric', 'text'], rows: [{ line: 2, cells: { text: 'Первая; с точкой с запятой', date: '15.01.2027', time: '10:00', page: 'Школа ВК', rubric: 'полезное' } }] });
  });

  it('reads an XLSX whose date and time cells are typed as such', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('План');
    ws.addRow(['Дата', 'Время', 'Страница', 'Рубрика', 'Текст']);
    ws.addRow([new Date(Date.UTC(2027, 0, 15)), 10.5 / 24, 'Школа ВК', 'Полезное', 'Текст']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(sniffPlanFormat(bytes)).toBe('xlsx');
    const read = await readPlanFile(bytes);
    expect(read).toMatchObject({ ok: true, rows: [{ line: 2, cells: { date: '2027-01-15', time: '10:30', page: 'Школа ВК', rubric: 'Полезное', text: 'Текст' } }] });
  });

  it('explains a file without the needed columns, and one that is neither format', async () => {
    expect(await readPlanFile(Buffer.from('Когда;Что\n1;2\n'))).toMatchObject({ ok: false, message: expect.stringContaining('«Дата» и «Текст»') });
    expect(await readPlanFile(new Uint8Array([0, 1, 2, 0xff, 0xfe, 0]))).toMatchObject({ ok: false, message: expect.stringContaining('CSV') });
  });
});
