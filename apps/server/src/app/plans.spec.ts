import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { PlanImportView, PostView } from '@vestnik/contracts';
import { createMember, createOrganization, insertChannel } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/** A day `days` from now as the plan writes it: `ДД.ММ.ГГГГ`. */
const ruDate = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
};

describe('content plan import and export', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let schoolId: string;
  let vk: string;
  let telegram: string;
  let imageId: string;

  const upload = (token: string, body: Buffer, name = 'план.csv', organizationId = rootId) =>
    server.http.post('/api/v1/plans/imports').set(bearer(token)).field('organizationId', organizationId).attach('file', body, name);

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server, 'Asia/Sakhalin');
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    schoolId = (await createOrganization(server, admin, rootId, 'Школа №1')).id;
    vk = await insertChannel(server, schoolId, 'vk', 'Школа ВК');
    telegram = await insertChannel(server, schoolId, 'telegram', 'Школа Телеграм');
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 20, g: 120, b: 200 } } }).png().toBuffer();
    imageId = (await server.http.post('/api/v1/media').set(bearer(admin)).field('organizationId', schoolId).attach('file', png, 'photo.png').expect(201)).body.id;
  });
  afterAll(() => server.close());

  it('previews every row with its verdict, creates nothing until confirmed, then drafts the good rows only', async () => {
    const csv = [
      'Дата;Время;Страница;Рубрика;Текст;Изображения',
      `${ruDate(5)};10:00;"Школа ВК; Школа Телеграм";полезное;Зимние каникулы начинаются 29 декабря;/api/v1/media/${imageId}`,
      `31.02.2027;10:00;Школа ВК;полезное;Такой даты нет;`,
      `${ruDate(6)};11:30;Нет такой страницы;официальное;Куда?;`,
      `${ruDate(7)};09:00;Школа Телеграм;развлекательное;${'Очень длинно. '.repeat(400)};`,
      `${ruDate(8)};12:00;Школа ВК;официальное;Приём документов в 1 класс;`,
    ].join('\n');
    const before = await server.db.dataSource.query('SELECT count(*)::int AS n FROM posts');

    const preview = (await upload(admin, Buffer.from(csv, 'utf8')).expect(201)).body as PlanImportView;
    expect(preview.state).toBe('previewed');
    expect([preview.rows[0].problems, preview.rows[4].problems]).toEqual([[], []]);
    expect(preview.rows.map((r) => [r.line, r.verdict])).toEqual([[2, 'ok'], [3, 'invalid'], [4, 'invalid'], [5, 'invalid'], [6, 'ok']]);
    expect(preview.rows[0].pages.map((p) => p.id).sort()).toEqual([vk, telegram].sort());
    expect(preview.rows[0]).toMatchObject({ organizationId: schoolId, rubric: 'useful', mediaIds: [imageId] });
    expect(preview.rows[1].problems).toEqual([expect.objectContaining({ column: 'date' })]);
    expect(preview.rows[2].problems).toEqual([expect.objectContaining({ column: 'page', message: expect.stringContaining('Нет такой страницы') })]);
    expect(preview.rows[3].problems[0]).toMatchObject({ column: 'text', message: expect.stringMatching(/Telegram/) });
    expect((await server.db.dataSource.query('SELECT count(*)::int AS n FROM posts'))[0].n).toBe(before[0].n);

    const done = (await server.http.post(`/api/v1/plans/imports/${preview.id}/confirm`).set(bearer(admin)).expect(200)).body as PlanImportView;
    expect(done.state).toBe('confirmed');
    expect(done.rows.map((r) => r.verdict)).toEqual(['created', 'invalid', 'invalid', 'invalid', 'created']);
    const post = (await server.http.get(`/api/v1/posts/${done.rows[0].postId}`).set(bearer(admin)).expect(200)).body as PostView;
    expect(post).toMatchObject({ status: 'draft', organizationId: schoolId, rubric: 'useful', text: 'Зимние каникулы начинаются 29 декабря', mediaIds: [imageId] });
    expect(post.scheduledAt).toContain('T23:00:00'); // 10:00 on Sakhalin (UTC+11)

    // Once only: a second click finds it done.
    const again = await server.http.post(`/api/v1/plans/imports/${preview.id}/confirm`).set(bearer(admin)).expect(409);
    expect(again.body.code).toBe('plan_already_imported');
    const audit = await server.db.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'plan.imported' AND target_id = $1`, [preview.id]);
    expect(audit).toEqual([{ after: { name: 'план.csv', rows: 5, drafts: 2, notCreated: 0, invalidRows: 3 } }]);
  });

  it('reads an XLSX plan naming an organization instead of a page', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('План');
    ws.addRow(['Дата', 'Время', 'Организация', 'Рубрика', 'Текст']);
    const d = new Date(Date.now() + 9 * 86_400_000);
    ws.addRow([new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())), 14 / 24, 'школа №1', 'Официальное', 'Родительское собрание']);
    const preview = (await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()), 'plan.xlsx').expect(201)).body as PlanImportView;
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]).toMatchObject({ verdict: 'ok', organizationId: schoolId, scheduledAt: expect.stringMatching(/T14:00$/) });
    expect(preview.rows[0].pages).toHaveLength(2);
  });

  it('keeps a preview to its uploader and to people who edit the organization', async () => {
    const viewer = await createMember(server, admin, schoolId, 'viewer');
    const editor = await createMember(server, admin, schoolId, 'editor');
    const csv = `Дата;Время;Страница;Рубрика;Текст\n${ruDate(5)};10:00;Школа ВК;полезное;Текст\n`;
    await upload(viewer.token, Buffer.from(csv), 'plan.csv', schoolId).expect(403);
    const preview = (await upload(editor.token, Buffer.from(csv), 'plan.csv', schoolId).expect(201)).body as PlanImportView;
    await server.http.post(`/api/v1/plans/imports/${preview.id}/confirm`).set(bearer(admin)).expect(404);
    await server.http.get(`/api/v1/plans/imports/${preview.id}`).set(bearer(editor.token)).expect(200);
  });

  it('names the field when the file is missing, unreadable or lacks columns', async () => {
    const none = await server.http.post('/api/v1/plans/imports').set(bearer(admin)).field('organizationId', rootId).expect(400);
    expect(none.body.errors[0]).toMatchObject({ field: 'file' });
    const noColumns = await upload(admin, Buffer.from('Когда;Что\n1;2\n')).expect(400);
    expect(noColumns.body.errors[0]).toMatchObject({ field: 'file', rule: 'planFile', message: expect.stringContaining('«Дата»') });
    const binary = await upload(admin, Buffer.from([0, 1, 2, 0xff, 0]), 'plan.bin').expect(400);
    expect(binary.body.errors[0].message).toContain('CSV');
    const badOrg = await server.http.post('/api/v1/plans/imports').set(bearer(admin)).field('organizationId', 'nope').attach('file', Buffer.from('x'), 'p.csv').expect(400);
    expect(badOrg.body.errors[0]).toMatchObject({ field: 'organizationId' });
  });

  it('exports the period as a plan that imports back', async () => {
    const from = new Date(Date.now()).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const csv = await server.http.get(`/api/v1/plans/export?organizationId=${rootId}&from=${from}&to=${to}&format=csv`).set(bearer(admin)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeffДата;Время;Страница;Организация;Рубрика')).toBe(true);
    expect(text).toContain('Приём документов в 1 класс');
    expect(text).toMatch(/Школа (ВК; Школа Телеграм|Телеграм; Школа ВК)/);

    const xlsx = await server.http.get(`/api/v1/plans/export?organizationId=${rootId}&from=${from}&to=${to}`).set(bearer(admin)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const reimport = (await upload(admin, xlsx.body as Buffer, 'export.xlsx').expect(201)).body as PlanImportView;
    expect(reimport.rows).toHaveLength(2);
    expect(reimport.rows.every((r) => r.verdict === 'ok')).toBe(true);

    const backwards = await server.http.get(`/api/v1/plans/export?organizationId=${rootId}&from=${to}&to=${from}`).set(bearer(admin)).expect(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'to', rule: 'notBeforeFrom' });
  });
});
