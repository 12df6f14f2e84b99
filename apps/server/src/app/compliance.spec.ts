import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, Worksheet } from 'exceljs';
import type { ComplianceReport, ComplianceRow } from '@vestnik/contracts';
import { createMember, createOrganization, insertChannel } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/**
 * The PDF's text as pdf-parse extracts it, per page. Read in a plain Node process: pdf.js starts its
 * worker with a dynamic import of an ES module, which Jest's CommonJS sandbox refuses.
 */
function pdfText(pdf: Buffer): { text: string; total: number; pages: { num: number; text: string }[] } {
  const script = `const { PDFParse } = require(process.argv[1]);
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const r = await new PDFParse({ data: Buffer.concat(chunks) }).getText();
      process.stdout.write(JSON.stringify({ text: r.text, total: r.total, pages: r.pages }));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, require.resolve('pdf-parse')], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8'));
}

/** The PDF's first page as a PNG, drawn by pdf.js (through pdf-parse, in a plain Node process as above). */
function pdfFirstPage(pdf: Buffer): { width: number; height: number; png: Buffer } {
  const script = `const { PDFParse } = require(process.argv[1]);
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const shot = await new PDFParse({ data: Buffer.concat(chunks) }).getScreenshot({ partial: [1], scale: 1.5, imageDataUrl: false });
      const page = shot.pages[0];
      process.stdout.write(JSON.stringify({ width: page.width, height: page.height, png: Buffer.from(page.data).toString('base64') }));
    });`;
  const page = JSON.parse(execFileSync(process.execPath, ['-e', script, require.resolve('pdf-parse')], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8'));
  return { width: page.width, height: page.height, png: Buffer.from(page.png, 'base64') };
}

/** Where the browser tests leave their screenshots for people to look at. */
const SCREENSHOTS = join(__dirname, '../../../../dist/e2e-screenshots');

/** exceljs declares `load` with an older Buffer type than Node's. */
type WorkbookBytes = Parameters<Workbook['xlsx']['load']>[0];

/**
 * October 2026: Mondays 5, 12, 19, 26. The school (Asia/Sakhalin, UTC+11) has a page with a minimum
 * of 2 a week; the ministry (root, Europe/Moscow) a page without one.
 */
describe('monthly compliance report', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let schoolId: string;
  let schoolPage: string;
  let ministryPage: string;
  let author: string;

  /** A post and its one publication on `channelId`, written as the publishing engine would leave them. */
  const publication = async (channelId: string, organizationId: string, rubric: string, plannedAt: string, status: string, publishedAt: string | null) => {
    const [post] = await server.db.dataSource.query(
      `INSERT INTO posts (organization_id, author_id, rubric, text, scheduled_at, status, content_hash) VALUES ($1, $2, $3, 'x', $4, $5, 'h') RETURNING id`,
      [organizationId, author, rubric, plannedAt, status === 'published' ? 'published' : status === 'cancelled' ? 'cancelled' : 'failed'],
    );
    await server.db.dataSource.query(`INSERT INTO publications (post_id, channel_id, platform, status, published_at) VALUES ($1, $2, 'vk', $3, $4)`, [post.id, channelId, status, publishedAt]);
  };
  const onTime = (channelId: string, organizationId: string, rubric: string, at: string) => publication(channelId, organizationId, rubric, at, 'published', new Date(Date.parse(at) + 5 * 60_000).toISOString());

  const json = async (query: string, token = admin) => (await server.http.get(`/api/v1/reports/compliance?${query}`).set(bearer(token)).expect(200)).body as ComplianceReport;
  /** The answer's bytes, whatever its type. */
  const file = (query: string) =>
    server.http
      .get(`/api/v1/reports/compliance?${query}`)
      .set(bearer(admin))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
  const rowOf = (report: ComplianceReport, channelId: string): ComplianceRow => {
    const row = report.rows.find((r) => r.channelId === channelId);
    if (!row) throw new Error(`no row for ${channelId}`);
    return row;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server, 'Europe/Moscow');
    admin = setup.accessToken;
    author = setup.user.id;
    rootId = setup.user.memberships[0].organizationId;
    schoolId = (await createOrganization(server, admin, rootId, 'Школа № 1', 'Asia/Sakhalin')).id;
    schoolPage = await insertChannel(server, schoolId, 'vk', 'ВК школы № 1');
    ministryPage = await insertChannel(server, rootId, 'telegram', 'Телеграм министерства');
    await server.http.patch(`/api/v1/channels/${schoolPage}`).set(bearer(admin)).send({ weeklyMinimum: 2, rubricMix: { official: 50, useful: 30, entertaining: 20 } }).expect(200);
    // Created "before" October, as pages that existed in the month.
    await server.db.dataSource.query(`UPDATE channels SET created_at = '2026-09-01T00:00:00Z'`);
    await server.db.dataSource.query(`UPDATE channels SET target = 'club218043219', remote_target_id = '218043219' WHERE id = $1`, [schoolPage]);

    // Week of 5 October (Sakhalin): one at 01:00 on Monday local (still Sunday in UTC), one 30 minutes late.
    await onTime(schoolPage, schoolId, 'official', '2026-10-04T14:00:00Z');
    await publication(schoolPage, schoolId, 'official', '2026-10-07T00:00:00Z', 'published', '2026-10-07T00:30:00Z');
    // Week of 12 October: one, below the minimum of 2.
    await onTime(schoolPage, schoolId, 'useful', '2026-10-13T00:00:00Z');
    // Week of 19 October: two.
    await onTime(schoolPage, schoolId, 'official', '2026-10-20T00:00:00Z');
    await onTime(schoolPage, schoolId, 'entertaining', '2026-10-22T00:00:00Z');
    // Week of 26 October: two, one on Sunday 1 November (its Monday is in October); a failure and a missed one.
    await onTime(schoolPage, schoolId, 'useful', '2026-10-27T00:00:00Z');
    await onTime(schoolPage, schoolId, 'official', '2026-11-01T01:00:00Z');
    await publication(schoolPage, schoolId, 'official', '2026-10-28T00:00:00Z', 'failed', null);
    await publication(schoolPage, schoolId, 'useful', '2026-10-29T00:00:00Z', 'missed', null);
    // Not October's: Sunday 4 October 23:00 in Sakhalin (the week of 28 September), Monday 2 November, a cancelled one.
    await onTime(schoolPage, schoolId, 'official', '2026-10-04T12:00:00Z');
    await onTime(schoolPage, schoolId, 'official', '2026-11-02T01:00:00Z');
    await publication(schoolPage, schoolId, 'official', '2026-10-14T00:00:00Z', 'cancelled', null);

    await onTime(ministryPage, rootId, 'official', '2026-10-14T09:00:00Z');
    await publication(ministryPage, rootId, 'useful', '2026-10-15T09:00:00Z', 'unconfirmed', null);
  });
  afterAll(() => server.close());

  it('counts each page per week in its organization’s zone: a missed week, the on-time share, failures, the total', async () => {
    const report = await json(`organizationId=${rootId}&month=2026-10&format=json`);
    expect(report.weeks.map((w) => [w.weekStart, w.weekEnd, w.complete])).toEqual([
      ['2026-10-05', '2026-10-11', true],
      ['2026-10-12', '2026-10-18', true],
      ['2026-10-19', '2026-10-25', true],
      ['2026-10-26', '2026-11-01', true],
    ]);
    expect(report.rules.weeks).toContain('понедельник');
    expect(report.rules.onTime).toContain('15 минут');

    expect(report.rows.map((r) => r.title)).toEqual(['Телеграм министерства', 'ВК школы № 1']); // an organization before those under it
    const school = rowOf(report, schoolPage);
    expect(school).toMatchObject({ organizationName: 'Школа № 1', platform: 'vk', title: 'ВК школы № 1', url: 'https://vk.com/club218043219', weeklyMinimum: 2 });
    expect(school.weeks.map((w) => [w.published, w.belowMinimum])).toEqual([
      [2, false],
      [1, true],
      [2, false],
      [2, false],
    ]);
    expect(school.published).toBe(7);
    expect(school.missedWeeks).toBe(1);
    expect(school.rubrics).toEqual({ official: 4, useful: 2, entertaining: 1 });
    expect(school.rubricTarget).toEqual({ official: 50, useful: 30, entertaining: 20 });
    expect(school.rubricDeviation).toBe(7); // official 57 % against 50 %
    expect(school.onTime).toBe(6);
    expect(school.onTimeShare).toBe(0.857);
    expect(school.failures).toEqual({ failed: 1, missed: 1, unconfirmed: 0, total: 2 });
    expect([school.designCompleteness, school.likes, school.reposts, school.comments]).toEqual([null, null, null, null]);

    const ministry = rowOf(report, ministryPage);
    expect(ministry.weeks.map((w) => [w.published, w.belowMinimum])).toEqual([
      [0, null],
      [1, null],
      [0, null],
      [0, null],
    ]);
    expect(ministry.missedWeeks).toBeNull();
    expect(ministry.failures).toEqual({ failed: 0, missed: 0, unconfirmed: 1, total: 1 });

    expect(report.total).toMatchObject({ pages: 2, pagesWithMinimum: 1, weeklyMinimum: 2, published: 8, missedWeeks: 1, pagesWithMissedWeeks: 1, onTime: 7, onTimeShare: 0.875 });
    expect(report.total.weeks.map((w) => [w.published, w.pagesBelowMinimum])).toEqual([
      [2, 0],
      [2, 1],
      [2, 0],
      [2, 0],
    ]);
    expect(report.total.failures.total).toBe(3);
  });

  it('never counts an unfinished week as missed', async () => {
    const report = await json(`organizationId=${rootId}&month=2099-01`);
    expect(report.weeks.every((w) => !w.complete)).toBe(true);
    const school = rowOf(report, schoolPage);
    expect(school.weeks.every((w) => w.belowMinimum === null)).toBe(true);
    expect(school.missedWeeks).toBe(0);
  });

  it('writes the figures into the XLSX: title block, frozen header, numbers in their cells, the total', async () => {
    const res = await file(`organizationId=${rootId}&month=2026-10&format=xlsx`);
    expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['cache-control']).toBe('no-store');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="vestnik-compliance-pravitelstvo-sakhalinskoy-oblasti-2026-10\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('Вестник, ведение страниц — Правительство Сахалинской области — 2026-10.xlsx');

    const workbook = new Workbook();
    await workbook.xlsx.load(res.body as WorkbookBytes);
    const sheet = workbook.getWorksheet('Сводка') as Worksheet;
    expect(String(sheet.getCell('A1').value)).toContain('октябрь 2026');
    expect(String(sheet.getCell('A2').value)).toContain('Правительство Сахалинской области');
    const texts = Array.from({ length: 9 }, (_, i) => String(sheet.getCell(i + 1, 1).value ?? '')).join('\n');
    expect(texts).toContain('понедельник которых');
    expect(texts).toContain('15 минут');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 10 });
    expect(sheet.autoFilter).toBe('A10:Y12'); // the two pages, not the total under them

    const header = sheet.getRow(10);
    const column = (title: string): number => {
      let found = 0;
      header.eachCell((cell, n) => {
        if (String(cell.value).startsWith(title)) found = n;
      });
      if (!found) throw new Error(`no column «${title}»`);
      return found;
    };
    const rowNumber = (pageTitle: string): number => {
      for (let n = 11; n <= sheet.rowCount; n++) if (sheet.getCell(n, 3).value === pageTitle) return n;
      throw new Error(`no row «${pageTitle}»`);
    };
    const school = sheet.getRow(rowNumber('ВК школы № 1'));
    expect(school.getCell(column('Организация')).value).toBe('Школа № 1');
    expect(school.getCell(column('Площадка')).value).toBe('ВКонтакте');
    expect(school.getCell(column('Адрес страницы')).value).toEqual({ text: 'https://vk.com/club218043219', hyperlink: 'https://vk.com/club218043219' });
    expect(school.getCell(column('Минимум в неделю')).value).toBe(2);
    expect(['05.10–11.10', '12.10–18.10', '19.10–25.10', '26.10–01.11'].map((w) => school.getCell(column(`Неделя ${w}`)).value)).toEqual([2, 1, 2, 2]);
    const missedCell = school.getCell(column('Неделя 12.10–18.10'));
    expect(missedCell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFF8D7DA' } });
    expect(school.getCell(column('Всего за месяц')).value).toBe(7);
    expect(school.getCell(column('Пропущено недель')).value).toBe(1);
    const onTimeCell = school.getCell(column('Вовремя'));
    expect(onTimeCell.value).toBe(0.857);
    expect(onTimeCell.numFmt).toBe('0%');
    expect(school.getCell(column('Сбои')).value).toBe(2);
    expect(school.getCell(column('Не опубликовано')).value).toBe(1);
    expect(school.getCell(column('Пропущено время')).value).toBe(1);
    expect(school.getCell(column('Оформление страницы')).value).toBe('нет данных в Вестнике');
    expect(school.getCell(column('Репосты')).value).toBe('нет данных в Вестнике');

    const total = sheet.getRow(sheet.rowCount - 1);
    expect(total.getCell(1).value).toBe('Итого по организации и подчинённым');
    expect(total.getCell(column('Всего за месяц')).value).toBe(8);
    expect(total.getCell(column('Сбои')).value).toBe(3);
    expect(total.getCell(column('Вовремя')).value).toBe(0.875);
    const below = sheet.getRow(sheet.rowCount);
    expect(below.getCell(1).value).toBe('Страниц ниже минимума за неделю');
    expect(['05.10–11.10', '12.10–18.10', '19.10–25.10', '26.10–01.11'].map((w) => below.getCell(column(`Неделя ${w}`)).value)).toEqual([0, 1, 0, 0]);

    const weeks = workbook.getWorksheet('По неделям') as Worksheet;
    expect(weeks.rowCount).toBe(1 + 2 * 4);
  });

  it('prints the PDF with a Cyrillic font: page titles, headers, numbers, page numbers', async () => {
    const res = await file(`organizationId=${rootId}&month=2026-10&format=pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain('filename="vestnik-compliance-pravitelstvo-sakhalinskoy-oblasti-2026-10.pdf"');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    // Cells wrap their text over lines: read it as one line.
    const text = pdfText(body).text.replace(/\s+/g, ' ');
    for (const expected of ['октябрь 2026', 'ВК школы № 1', 'Телеграм министерства', 'https://vk.com/club218043219', 'Пропущено', 'Вовремя', 'Сбои', 'нет данных в Вестнике', 'Итого по организации и подчинённым', 'Страниц ниже минимума за неделю', '86 %', '88 %', 'Страница 1 из 1']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/50 \/ 30 \/ 20/); // the school page's target
    expect(text).toMatch(/57 \/ 29 \/ 14/); // what it published

    // A4 landscape (297 × 210 mm), saved beside the browser tests' screenshots for a person to look at.
    const first = pdfFirstPage(body);
    expect(first.width / first.height).toBeCloseTo(297 / 210, 2);
    expect(first.png.subarray(1, 4).toString()).toBe('PNG');
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, '32-compliance-report-pdf.png'), first.png);
  });

  it('repeats the table header on every page of a long PDF', async () => {
    const district = (await createOrganization(server, admin, rootId, 'Район с множеством страниц')).id;
    for (let i = 0; i < 45; i++) await insertChannel(server, district, 'ok', `Страница учреждения ${String(i + 1).padStart(2, '0')}`);
    // Pages created today count from this month on: a month ahead holds them all.
    const res = await file(`organizationId=${district}&month=2099-01&format=pdf`);
    const parsed = pdfText(res.body as Buffer);
    expect(parsed.total).toBeGreaterThan(1);
    for (const page of parsed.pages) {
      const text = page.text.replace(/\s+/g, ' ');
      expect(text).toContain('Пропущено недель');
      expect(text).toContain('Страница и адрес');
      expect(text).toContain(`Страница ${page.num} из ${parsed.total}`);
    }
    expect(parsed.text.replace(/\s+/g, ' ')).toContain('Страница учреждения 45');
  });

  it('answers a viewer of the school its own pages only, and 404 outside the caller’s subtree', async () => {
    const viewer = await createMember(server, admin, schoolId, 'viewer');
    const own = await json(`organizationId=${schoolId}&month=2026-10`, viewer.token);
    expect(own.rows.map((r) => r.channelId)).toEqual([schoolPage]);
    expect(own.timezone).toBe('Asia/Sakhalin');
    for (const format of ['json', 'xlsx', 'pdf']) {
      const outside = await server.http.get(`/api/v1/reports/compliance?organizationId=${rootId}&month=2026-10&format=${format}`).set(bearer(viewer.token)).expect(404);
      expect(outside.body.code).toBe('not_found');
    }
    await server.http.get(`/api/v1/reports/compliance?organizationId=8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b&month=2026-10`).set(bearer(admin)).expect(404);
  });

  it('refuses a bad month or format with 400 naming the field and the rule in Russian', async () => {
    for (const month of ['2026-13', '2026-1', 'октябрь', '']) {
      const res = await server.http.get(`/api/v1/reports/compliance?organizationId=${rootId}&month=${encodeURIComponent(month)}&format=pdf`).set(bearer(admin)).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'month' });
      if (month) expect(res.body.errors[0]).toMatchObject({ rule: 'isYearMonth', message: 'Поле «month» должно быть месяцем в виде ГГГГ-ММ, например 2026-11' });
    }
    const format = await server.http.get(`/api/v1/reports/compliance?organizationId=${rootId}&month=2026-10&format=docx`).set(bearer(admin)).expect(400);
    expect(format.body.errors[0]).toMatchObject({ field: 'format', rule: 'isIn', message: 'Поле «format» должно быть одним из: json, xlsx, pdf' });
  });
});
