import sharp from 'sharp';
import type { NotificationPage, NotificationView, PostChangesView, PostPage, PostView } from '@vestnik/contracts';
import { POSTS_SCHEMA } from '@vestnik/server/posts';
import { createOrganization, insertChannel, inviteAndAccept, localDateTime } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

type Member = { token: string; userId: string; email: string };

/** The approval queue: what a reviewer sees, what changed since the last review, and who is told. */
describe('approval queue', () => {
  let server: TestServer;
  let admin: string;
  let adminId: string;
  let ministryId: string;
  let schoolId: string;
  let sportId: string;
  let vk: string;
  let tg: string;
  let ok: string;
  let schoolTg: string;
  let sportVk: string;
  let editor: Member;
  let first: Member;
  let second: Member;
  let schoolEditor: Member;
  let schoolSupervisor: Member;
  let sportSupervisor: Member;
  let viewer: Member;

  const draft = async (token: string, body: Record<string, unknown> = {}) =>
    (await server.http.post('/api/v1/posts').set(bearer(token)).send({ organizationId: ministryId, rubric: 'official', text: 'Приём граждан министром — в пятницу с 10:00.', channelIds: [vk, tg], scheduledAt: localDateTime(3), ...body }).expect(201)).body as PostView;
  const act = (token: string, id: string, action: string, body: Record<string, unknown> = {}) => server.http.post(`/api/v1/posts/${id}/${action}`).set(bearer(token)).send(body);
  const edit = (token: string, id: string, body: Record<string, unknown>) => server.http.patch(`/api/v1/posts/${id}`).set(bearer(token)).send(body).expect(200);
  const view = async (token: string, id: string) => (await server.http.get(`/api/v1/posts/${id}`).set(bearer(token)).expect(200)).body as PostView;
  const changes = async (token: string, id: string, query = '') => (await server.http.get(`/api/v1/posts/${id}/changes${query}`).set(bearer(token)).expect(200)).body as PostChangesView;
  const queue = async (token: string, organizationId = ministryId) =>
    (await server.http.get(`/api/v1/posts?organizationId=${organizationId}&status=in_review&order=submitted`).set(bearer(token)).expect(200)).body as PostPage;
  const unread = async (token: string) => ((await server.http.get('/api/v1/notifications?unread=true').set(bearer(token)).expect(200)).body as NotificationPage).items;
  const readAll = async (...tokens: string[]) => {
    for (const token of tokens) await server.http.post('/api/v1/notifications/read-all').set(bearer(token)).expect(200);
  };
  const image = async (color: string) => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).png().toBuffer();
    return ((await server.http.post('/api/v1/media').set(bearer(editor.token)).field('organizationId', ministryId).attach('file', png, { filename: 'photo.png', contentType: 'image/png' }).expect(201)).body as { id: string }).id;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    adminId = setup.user.id;
    const rootId = setup.user.memberships[0].organizationId;
    ministryId = (await createOrganization(server, admin, rootId, 'Министерство образования')).id;
    schoolId = (await createOrganization(server, admin, ministryId, 'Школа №3')).id;
    sportId = (await createOrganization(server, admin, rootId, 'Министерство спорта')).id;
    vk = await insertChannel(server, ministryId, 'vk', 'ВК министерства');
    tg = await insertChannel(server, ministryId, 'telegram', 'Телеграм министерства');
    ok = await insertChannel(server, ministryId, 'ok', 'ОК министерства');
    schoolTg = await insertChannel(server, schoolId, 'telegram', 'Телеграм школы');
    sportVk = await insertChannel(server, sportId, 'vk', 'ВК спорта');
    editor = await inviteAndAccept(server, admin, ministryId, 'editor', { name: 'Ирина Петрова' });
    first = await inviteAndAccept(server, admin, ministryId, 'supervisor', { name: 'Олег Смирнов' });
    second = await inviteAndAccept(server, admin, ministryId, 'supervisor', { name: 'Анна Кузнецова' });
    viewer = await inviteAndAccept(server, admin, ministryId, 'viewer', { name: 'Пётр Наблюдатель' });
    schoolEditor = await inviteAndAccept(server, admin, schoolId, 'editor', { name: 'Мария Учитель' });
    schoolSupervisor = await inviteAndAccept(server, admin, schoolId, 'supervisor', { name: 'Директор школы' });
    sportSupervisor = await inviteAndAccept(server, admin, sportId, 'supervisor', { name: 'Руководитель спорта' });
  });
  afterAll(() => server.close());

  describe('the queue', () => {
    it('lists posts in review across the subtree, oldest sent to review first, and nothing outside it', async () => {
      const late = await draft(editor.token, { scheduledAt: localDateTime(9), title: 'Отправлен первым' });
      const early = await draft(editor.token, { scheduledAt: localDateTime(2), title: 'Отправлен вторым' });
      const school = (await server.http.post('/api/v1/posts').set(bearer(schoolEditor.token)).send({ organizationId: schoolId, rubric: 'useful', text: 'Линейка в школе.', channelIds: [schoolTg], scheduledAt: localDateTime(4) }).expect(201)).body as PostView;
      const sport = (await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: sportId, rubric: 'useful', text: 'Турнир.', channelIds: [sportVk], scheduledAt: localDateTime(4) }).expect(201)).body as PostView;
      await draft(editor.token, { title: 'Черновик не в очереди' });
      for (const [token, post] of [[editor.token, late], [editor.token, early], [schoolEditor.token, school], [admin, sport]] as const) await act(token, post.id, 'submit').expect(200);
      // Sent to review hours apart, as a day of work goes.
      for (const [post, hours] of [[late, 4], [early, 3], [school, 2]] as const) {
        await server.db.dataSource.query(`UPDATE posts SET submitted_at = now() - make_interval(hours => $2) WHERE id = $1`, [post.id, hours]);
      }

      const page = await queue(first.token);
      const ids = page.items.map((p) => p.id);
      expect(ids).toEqual([late.id, early.id, school.id]);
      expect(page.total).toBe(3);
      expect(page.items.every((p) => p.status === 'in_review' && p.submittedAt !== null)).toBe(true);
      expect(Date.parse(page.items[0].submittedAt ?? '')).toBeLessThan(Date.parse(page.items[1].submittedAt ?? ''));
      // The school's supervisor sees his school only; the calendar order still goes by time.
      expect((await queue(schoolSupervisor.token, schoolId)).items.map((p) => p.id)).toEqual([school.id]);
      const calendar = (await server.http.get(`/api/v1/posts?organizationId=${ministryId}&status=in_review`).set(bearer(first.token)).expect(200)).body as PostPage;
      expect(calendar.items.map((p) => p.id)).toEqual([early.id, school.id, late.id]);
      await server.http.get(`/api/v1/posts?organizationId=${ministryId}&order=newest`).set(bearer(first.token)).expect(400);

      for (const p of [late, early, school]) await act(first.token, p.id, 'reject', { comment: 'Очистка очереди для следующих проверок.' }).expect(200);
      await act(sportSupervisor.token, sport.id, 'reject', { comment: 'Очистка очереди.' }).expect(200);
    });
  });

  describe('who may approve: one rule for the view and the endpoint', () => {
    it('says why each person may not approve, and the endpoint refuses with the same words', async () => {
      const own = await draft(first.token);
      await act(first.token, own.id, 'submit').expect(200);
      const mine = (await view(first.token, own.id)).approval;
      expect(mine).toMatchObject({ canApprove: false, code: 'four_eyes', canReject: true, rejectReason: null });
      expect(mine.reason).toMatch(/Автор не может согласовать/);
      const refused = await act(first.token, own.id, 'approve').expect(403);
      expect(refused.body).toMatchObject({ code: mine.code, message: mine.reason });

      expect((await view(editor.token, own.id)).approval).toMatchObject({ canApprove: false, code: 'forbidden', canReject: false });
      expect((await view(viewer.token, own.id)).approval.reason).toBe('Согласовывать материалы могут только руководители и администраторы организации');

      // A supervisor who rewrote part of it is barred too, and told which version he made.
      await edit(second.token, own.id, { text: 'Приём граждан министром — в понедельник с 10:00.' });
      const edited = (await view(second.token, own.id)).approval;
      expect(edited).toMatchObject({ canApprove: false, code: 'four_eyes' });
      expect(edited.reason).toContain('версия 2');
      expect((await act(second.token, own.id, 'approve').expect(403)).body.message).toBe(edited.reason);

      // The root admin wrote none of it: he may, and does.
      expect((await view(admin, own.id)).approval).toEqual({ canApprove: true, reason: null, code: null, canReject: true, rejectReason: null });
      await act(admin, own.id, 'approve').expect(200);
      expect((await view(admin, own.id)).approval).toMatchObject({ canApprove: false, code: 'invalid_transition', canReject: false });
      // A second reviewer a moment late is told where the post is now, in words.
      const late = await act(second.token, own.id, 'approve').expect(409);
      expect(late.body.message).toBe('Сейчас материал в статусе «Согласован, ждёт публикации»: это действие возможно только для статуса «На согласовании»');
    });

    it('answers the list with the same verdicts, person by person', async () => {
      const post = await draft(editor.token);
      await act(editor.token, post.id, 'submit').expect(200);
      const asFirst = (await queue(first.token)).items.find((p) => p.id === post.id);
      const asEditor = (await queue(editor.token)).items.find((p) => p.id === post.id);
      expect(asFirst?.approval.canApprove).toBe(true);
      expect(asEditor?.approval).toMatchObject({ canApprove: false, code: 'forbidden' });
      await act(first.token, post.id, 'approve').expect(200);
    });

    it('refuses a post whose time has passed in review, in the view as at the endpoint', async () => {
      const post = await draft(editor.token);
      await act(editor.token, post.id, 'submit').expect(200);
      await server.db.dataSource.query(`UPDATE posts SET scheduled_at = now() - interval '1 hour' WHERE id = $1`, [post.id]);
      const approval = (await view(first.token, post.id)).approval;
      expect(approval).toMatchObject({ canApprove: false, code: 'post_not_publishable', canReject: true });
      expect(approval.reason).toMatch(/Время публикации уже прошло/);
      const refused = await act(first.token, post.id, 'approve').expect(422);
      expect(refused.body).toMatchObject({ code: approval.code, message: approval.reason });
      await act(first.token, post.id, 'reject', { comment: 'Время прошло, назначьте новое.' }).expect(200);
    });

    it('refuses approval in an archived organization, naming it', async () => {
      const board = (await createOrganization(server, admin, ministryId, 'Попечительский совет')).id;
      const boardVk = await insertChannel(server, board, 'vk', 'ВК совета');
      const post = await draft(editor.token, { organizationId: board, channelIds: [boardVk] });
      await act(editor.token, post.id, 'submit').expect(200);
      await server.http.post(`/api/v1/organizations/${board}/archive`).set(bearer(admin)).expect(200);
      const approval = (await view(first.token, post.id)).approval;
      expect(approval).toMatchObject({ canApprove: false, code: 'organization_archived' });
      expect(approval.reason).toContain('«Попечительский совет» в архиве');
      expect((await act(first.token, post.id, 'approve').expect(409)).body.message).toBe(approval.reason);
    });
  });

  describe('what changed since the version last reviewed', () => {
    it('shows everything as new at the first review, and keeps each version\'s content', async () => {
      const photo = await image('#336699');
      const post = await draft(editor.token, { title: 'Приём граждан', link: 'https://minobr.example.ru/priem', mediaIds: [photo], variants: { telegram: { text: 'Приём — в пятницу.' } } });
      await act(editor.token, post.id, 'submit').expect(200);
      const c = await changes(first.token, post.id);
      expect(c).toMatchObject({ postId: post.id, version: 1, lastReview: null, baseVersion: null, baseMissing: false, changed: true });
      expect(c.text).toEqual({ changed: true, segments: [{ op: 'insert', text: 'Приём граждан министром — в пятницу с 10:00.' }] });
      expect(c.variants).toEqual([{ platform: 'telegram', before: false, after: true, changed: true, segments: [{ op: 'insert', text: 'Приём — в пятницу.' }] }]);
      expect(c.title).toEqual({ changed: true, before: null, after: 'Приём граждан' });
      expect(c.rubric).toEqual({ changed: true, before: null, after: 'official' });
      expect(c.images).toEqual({ added: [photo], removed: [], reordered: false });
      expect(c.channels.added.map((x) => x.name)).toEqual(['ВК министерства', 'Телеграм министерства']);
      expect(c.channels).toMatchObject({ removed: [], kept: 0 });
      expect(c.scheduledAt).toMatchObject({ changed: true, before: null, beforeLocal: null, after: post.scheduledAt, afterLocal: post.scheduledAtLocal });
      expect(c.revisions).toEqual([expect.objectContaining({ version: 1, editorId: editor.userId, editorName: 'Ирина Петрова', kind: 'created' })]);

      const [revision] = await server.db.dataSource.query('SELECT content FROM post_revisions WHERE post_id = $1 AND version = 1', [post.id]);
      expect(revision.content).toEqual({
        rubric: 'official',
        title: 'Приём граждан',
        text: 'Приём граждан министром — в пятницу с 10:00.',
        link: 'https://minobr.example.ru/priem',
        mediaIds: [photo],
        variants: { telegram: { text: 'Приём — в пятницу.' } },
        channelIds: [vk, tg].sort(),
        scheduledAt: post.scheduledAt,
      });
      await act(first.token, post.id, 'reject', { comment: 'Не тот день.' }).expect(200);
    });

    it('compares with the rejected version after a rework: words, images, pages, rubric and time', async () => {
      const [one, two] = [await image('#aa0000'), await image('#00aa00')];
      const post = await draft(editor.token, { mediaIds: [one, two], scheduledAt: localDateTime(5, '10:00') });
      await act(editor.token, post.id, 'submit').expect(200);
      await act(first.token, post.id, 'reject', { comment: 'Перенесите на понедельник и уберите вторую фотографию.' }).expect(200);
      await edit(editor.token, post.id, { text: 'Приём граждан министром — в понедельник с 10:00.', mediaIds: [one] });
      await edit(second.token, post.id, { channelIds: [vk, ok], rubric: 'useful', scheduledAt: localDateTime(5, '12:30') });
      await act(editor.token, post.id, 'submit').expect(200);

      const c = await changes(first.token, post.id);
      expect(c).toMatchObject({ version: 3, baseVersion: 1, baseMissing: false, changed: true });
      expect(c.lastReview).toMatchObject({ version: 1, outcome: 'rejected', reviewerId: first.userId, reviewerName: 'Олег Смирнов', comment: 'Перенесите на понедельник и уберите вторую фотографию.' });
      expect(c.text.segments).toEqual([
        { op: 'equal', text: 'Приём граждан министром — в ' },
        { op: 'delete', text: 'пятницу' },
        { op: 'insert', text: 'понедельник' },
        { op: 'equal', text: ' с 10:00.' },
      ]);
      expect(c.images).toEqual({ added: [], removed: [two], reordered: false });
      expect(c.channels).toEqual({ added: [{ id: ok, name: 'ОК министерства', platform: 'ok' }], removed: [{ id: tg, name: 'Телеграм министерства', platform: 'telegram' }], kept: 1 });
      expect(c.rubric).toEqual({ changed: true, before: 'official', after: 'useful' });
      expect(c.scheduledAt.changed).toBe(true);
      expect(c.scheduledAt.beforeLocal).toMatch(/T10:00:00\+11:00$/);
      expect(c.scheduledAt.afterLocal).toMatch(/T12:30:00\+11:00$/);
      expect(c.title).toEqual({ changed: false, before: null, after: null });
      expect(c.revisions.map((r) => [r.version, r.editorName])).toEqual([
        [2, 'Ирина Петрова'],
        [3, 'Анна Кузнецова'],
      ]);

      // Any earlier version on request; a version that does not exist is refused naming the field.
      expect((await changes(first.token, post.id, '?since=2')).text.changed).toBe(false);
      const tooFar = await server.http.get(`/api/v1/posts/${post.id}/changes?since=9`).set(bearer(first.token)).expect(400);
      expect(tooFar.body.errors[0]).toMatchObject({ field: 'since' });
      expect((await server.http.get(`/api/v1/posts/${post.id}/changes?since=abc`).set(bearer(first.token)).expect(400)).body.errors[0].field).toBe('since');

      // Approved, then edited back to review: the comparison is with the approved version.
      await act(first.token, post.id, 'approve').expect(200);
      await edit(editor.token, post.id, { text: 'Приём граждан министром — в понедельник с 11:00.' });
      const after = await changes(first.token, post.id);
      expect(after.lastReview).toMatchObject({ version: 3, outcome: 'approved', comment: null });
      expect(after).toMatchObject({ baseVersion: 3, version: 4 });
      expect(after.text.segments.filter((s) => s.op !== 'equal')).toEqual([
        { op: 'delete', text: '10' },
        { op: 'insert', text: '11' },
      ]);
      expect(after.channels).toEqual({ added: [], removed: [], kept: 2 });
      expect(after.images.added).toEqual([]);
    });

    it('marks a few words in a 20,000-character text', async () => {
      const words = Array.from({ length: 2600 }, (_, i) => `слово${i}`);
      const text = words.join(' ').slice(0, 20_000);
      // Longer than VK takes, so it stays a draft: compared with its first version on request.
      const post = await draft(editor.token, { text, channelIds: [vk] });
      await edit(editor.token, post.id, { text: text.replace('слово1000 ', 'правка ') });
      const c = await changes(first.token, post.id, '?since=1');
      expect(c.text.segments.filter((s) => s.op !== 'equal')).toEqual([
        { op: 'delete', text: 'слово1000' },
        { op: 'insert', text: 'правка' },
      ]);
    });

    it('answers the changes to whoever may see the post, and to nobody else', async () => {
      const post = await draft(editor.token);
      await server.http.get(`/api/v1/posts/${post.id}/changes`).set(bearer(viewer.token)).expect(200);
      await server.http.get(`/api/v1/posts/${post.id}/changes`).set(bearer(sportSupervisor.token)).expect(404);
      await server.http.get(`/api/v1/posts/${post.id}/changes`).expect(401);
    });

    it('shows everything as new when the reviewed version predates kept content, and saying so', async () => {
      const post = await draft(editor.token);
      await act(editor.token, post.id, 'submit').expect(200);
      await act(first.token, post.id, 'reject', { comment: 'Ещё раз.' }).expect(200);
      await server.db.dataSource.query('UPDATE post_revisions SET content = NULL WHERE post_id = $1', [post.id]);
      await edit(editor.token, post.id, { text: 'Новый текст.' });
      const c = await changes(first.token, post.id);
      expect(c).toMatchObject({ baseVersion: 1, baseMissing: true, changed: true });
      expect(c.text.segments).toEqual([{ op: 'insert', text: 'Новый текст.' }]);
    });
  });

  describe('notifications of reviews', () => {
    beforeEach(() => readAll(admin, editor.token, first.token, second.token, schoolSupervisor.token, sportSupervisor.token, viewer.token));

    it('asks the supervisors and admins up the tree, not the sender, the editors or another branch', async () => {
      const post = await draft(editor.token, { title: 'День открытых дверей' });
      await act(editor.token, post.id, 'submit').expect(200);
      const rows: { user_id: string }[] = await server.db.dataSource.query(`SELECT user_id FROM notifications WHERE post_id = $1 AND kind = 'post_awaiting_review'`, [post.id]);
      expect(rows.map((r) => r.user_id).sort()).toEqual([adminId, first.userId, second.userId].sort());
      for (const outsider of [editor, viewer, schoolSupervisor, sportSupervisor]) expect(await unread(outsider.token)).toEqual([]);

      const [n] = await unread(first.token);
      expect(n).toMatchObject({ kind: 'post_awaiting_review', postId: post.id, organizationId: ministryId, link: `/approval/${post.id}` });
      expect(n.title).toBe('Ждёт согласования: «День открытых дверей»');
      expect(n.body).toContain('Запись «День открытых дверей» организации «Министерство образования» ждёт вашего согласования.');
      expect(n.body).toContain('Кто отправил: Ирина Петрова.');
      expect(n.body).toMatch(/Время публикации: \d+ [а-я]+ \d{4} г\. в 10:00 \(Asia\/Sakhalin, UTC\+11:00\)\./);

      // Approved by one: the others' requests are settled, and the author is told who approved it.
      await act(second.token, post.id, 'approve').expect(200);
      expect(await unread(first.token)).toEqual([]);
      expect(await unread(admin)).toEqual([]);
      const [approved] = await unread(editor.token);
      expect(approved).toMatchObject({ kind: 'post_approved', postId: post.id, link: `/posts/${post.id}` });
      expect(approved.title).toBe('Согласовано: «День открытых дверей»');
      expect(approved.body).toContain('Кто согласовал: Анна Кузнецова.');
      expect(approved.body).toContain('в 2 каналах');
    });

    it('tells the author why the post came back, with the comment', async () => {
      const post = await draft(editor.token, { title: 'Линейка' });
      await act(editor.token, post.id, 'submit').expect(200);
      await act(first.token, post.id, 'reject', { comment: '  Добавьте время начала.  ' }).expect(200);
      const [n] = (await unread(editor.token)) as NotificationView[];
      expect(n).toMatchObject({ kind: 'post_rejected', postId: post.id });
      expect(n.title).toBe('Возвращено на доработку: «Линейка»');
      expect(n.body.split('\n')).toEqual([
        'Запись «Линейка» возвращена на доработку. Кто вернул: Олег Смирнов.',
        'Комментарий: Добавьте время начала.',
        'Что сделать: исправьте запись по комментарию и снова отправьте её на согласование.',
      ]);
      expect(await unread(second.token)).toEqual([]);
    });

    it('asks again when an approved post is edited, leaving out whoever four eyes bar', async () => {
      const post = await draft(editor.token, { title: 'Субботник' });
      await act(editor.token, post.id, 'submit').expect(200);
      await act(first.token, post.id, 'approve').expect(200);
      await readAll(admin, editor.token, first.token, second.token);
      await edit(second.token, post.id, { scheduledAt: localDateTime(6) });
      const rows: { user_id: string; body: string }[] = await server.db.dataSource.query(`SELECT user_id, body FROM notifications WHERE post_id = $1 AND kind = 'post_awaiting_review' AND read_at IS NULL`, [post.id]);
      // The author and the editor of the new version may not approve it: only the first supervisor and the admin are asked.
      expect(rows.map((r) => r.user_id).sort()).toEqual([adminId, first.userId].sort());
      expect(rows[0].body).toContain('Согласованную запись «Субботник» организации «Министерство образования» изменили');
      expect(rows[0].body).toContain('Кто изменил: Анна Кузнецова.');
    });

    it('keeps one unread request per person when a post comes back to review, and settles them when it is cancelled', async () => {
      const post = await draft(editor.token, { title: 'Выставка' });
      await act(editor.token, post.id, 'submit').expect(200);
      await act(first.token, post.id, 'reject', { comment: 'Поправьте.' }).expect(200);
      await readAll(second.token);
      await edit(editor.token, post.id, { title: 'Выставка рисунков' });
      await act(editor.token, post.id, 'submit').expect(200);
      const mine = (await unread(second.token)).filter((n) => n.postId === post.id);
      expect(mine.map((n) => n.title)).toEqual(['Ждёт согласования: «Выставка рисунков»']);
      await act(editor.token, post.id, 'cancel').expect(200);
      expect((await unread(second.token)).filter((n) => n.postId === post.id)).toEqual([]);
    });
  });

  describe('migrations', () => {
    it('restores reviews from the audit log and the current content of each post', async () => {
      const post = await draft(editor.token);
      await act(editor.token, post.id, 'submit').expect(200);
      await act(first.token, post.id, 'reject', { comment: 'Первый отказ.' }).expect(200);
      await edit(editor.token, post.id, { text: 'Вторая версия.' });
      await act(editor.token, post.id, 'submit').expect(200);
      await act(second.token, post.id, 'approve').expect(200);
      const reviewsOf = () => server.db.dataSource.query('SELECT version, outcome, reviewer_id, comment FROM post_reviews WHERE post_id = $1 ORDER BY created_at', [post.id]);
      const before = await reviewsOf();
      expect(before).toEqual([
        { version: 1, outcome: 'rejected', reviewer_id: first.userId, comment: 'Первый отказ.' },
        { version: 2, outcome: 'approved', reviewer_id: second.userId, comment: null },
      ]);
      const [content] = await server.db.dataSource.query('SELECT content FROM post_revisions WHERE post_id = $1 AND version = 2', [post.id]);

      const runner = server.db.dataSource.createQueryRunner();
      try {
        const migrations = POSTS_SCHEMA.migrations.map((M) => new M());
        const named = (name: string) => {
          const found = migrations.find((m) => m.name === name);
          if (!found) throw new Error(`${name} not registered`);
          return found;
        };
        for (const name of ['PostReviews1765600000001', 'PostRevisionContent1765600000000']) await named(name).down(runner);
        for (const name of ['PostRevisionContent1765600000000', 'PostReviews1765600000001']) await named(name).up(runner);
      } finally {
        await runner.release();
      }
      expect(await reviewsOf()).toEqual(before);
      const [restored] = await server.db.dataSource.query('SELECT content FROM post_revisions WHERE post_id = $1 AND version = 2', [post.id]);
      expect(restored.content).toEqual(content.content);
      const [older] = await server.db.dataSource.query('SELECT content FROM post_revisions WHERE post_id = $1 AND version = 1', [post.id]);
      expect(older.content).toBeNull();
    });
  });
});
