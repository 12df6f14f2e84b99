import sharp from 'sharp';
import type { PostView } from '@vestnik/contracts';
import { createMember, createOrganization, insertChannel, localDateTime } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

describe('posts and approval', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let ministryId: string;
  let schoolId: string;
  let siblingId: string;
  let vk: string;
  let tg: string;
  let schoolTg: string;
  let siblingVk: string;
  let editor: { token: string; userId: string };
  let supervisor: { token: string; userId: string };
  let viewer: { token: string };

  const draft = async (token: string, body: Record<string, unknown> = {}) =>
    (await server.http.post('/api/v1/posts').set(bearer(token)).send({ organizationId: ministryId, rubric: 'official', text: 'Приём граждан министром — в пятницу с **10:00**.', channelIds: [vk, tg], scheduledAt: localDateTime(3), ...body }).expect(201)).body as PostView;
  const act = (token: string, id: string, action: string, body: Record<string, unknown> = {}) => server.http.post(`/api/v1/posts/${id}/${action}`).set(bearer(token)).send(body);

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    ministryId = (await createOrganization(server, admin, rootId, 'Министерство образования')).id;
    schoolId = (await createOrganization(server, admin, ministryId, 'Школа №3', 'Asia/Magadan')).id;
    siblingId = (await createOrganization(server, admin, rootId, 'Министерство спорта')).id;
    vk = await insertChannel(server, ministryId, 'vk', 'ВК министерства');
    tg = await insertChannel(server, ministryId, 'telegram', 'Телеграм министерства');
    schoolTg = await insertChannel(server, schoolId, 'telegram', 'Телеграм школы');
    siblingVk = await insertChannel(server, siblingId, 'vk', 'ВК спорта');
    editor = await createMember(server, admin, ministryId, 'editor');
    supervisor = await createMember(server, admin, ministryId, 'supervisor');
    viewer = await createMember(server, admin, ministryId, 'viewer');
  });
  afterAll(() => server.close());

  it('creates a draft with one publication per channel, time read in the organization zone', async () => {
    const post = await draft(editor.token, { scheduledAt: '2030-12-02T10:00' });
    expect(post).toMatchObject({ status: 'draft', timezone: 'Asia/Sakhalin', scheduledAt: '2030-12-01T23:00:00.000Z', scheduledAtLocal: '2030-12-02T10:00:00+11:00', problems: [] });
    expect(post.publications.map((p) => p.channelId).sort()).toEqual([vk, tg].sort());
    expect(post.publications.every((p) => p.status === 'pending' && p.attempts === 0 && p.remoteId === null)).toBe(true);
  });

  it('walks draft → in_review → scheduled, binding approval to the content', async () => {
    const post = await draft(editor.token);
    expect((await act(editor.token, post.id, 'submit').expect(200)).body.status).toBe('in_review');
    const approved = (await act(supervisor.token, post.id, 'approve').expect(200)).body as PostView;
    expect(approved).toMatchObject({ status: 'scheduled', approvedBy: supervisor.userId });
    expect(approved.publications.every((p) => p.status === 'scheduled')).toBe(true);
    const [row] = await server.db.dataSource.query('SELECT content_hash, approved_hash FROM posts WHERE id = $1', [post.id]);
    expect(row.approved_hash).toBe(row.content_hash);

    // Editing an approved post sends it back to review and voids the approval.
    const edited = (await server.http.patch(`/api/v1/posts/${post.id}`).set(bearer(editor.token)).send({ text: 'Приём переносится на понедельник.' }).expect(200)).body as PostView;
    expect(edited).toMatchObject({ status: 'in_review', approvedBy: null, version: 2 });
    expect(edited.publications.every((p) => p.status === 'pending')).toBe(true);
    const [after] = await server.db.dataSource.query('SELECT content_hash, approved_hash FROM posts WHERE id = $1', [post.id]);
    expect(after.approved_hash).toBeNull();
    expect(after.content_hash).not.toBe(row.content_hash);
  });

  it('refuses transitions from the wrong status and by the wrong role', async () => {
    const post = await draft(editor.token);
    expect((await act(supervisor.token, post.id, 'approve').expect(409)).body.code).toBe('invalid_transition');
    await act(viewer.token, post.id, 'submit').expect(403);
    await act(editor.token, post.id, 'submit').expect(200);
    await act(editor.token, post.id, 'approve').expect(403);
    await act(editor.token, post.id, 'submit').expect(409);
    await server.http.post('/api/v1/posts').set(bearer(viewer.token)).send({ organizationId: ministryId, rubric: 'official', text: 'x', channelIds: [vk], scheduledAt: localDateTime(2) }).expect(403);
  });

  it('keeps four eyes: the author cannot approve his own post unless the organization allows it', async () => {
    const own = await draft(supervisor.token);
    await act(supervisor.token, own.id, 'submit').expect(200);
    expect((await act(supervisor.token, own.id, 'approve').expect(403)).body.code).toBe('four_eyes');
    await server.http.patch(`/api/v1/organizations/${ministryId}`).set(bearer(admin)).send({ allowSelfApproval: true }).expect(200);
    await act(supervisor.token, own.id, 'approve').expect(200);
    await server.http.patch(`/api/v1/organizations/${ministryId}`).set(bearer(admin)).send({ allowSelfApproval: false }).expect(200);
  });

  it('sends a post back to draft only with a comment, which joins the thread', async () => {
    const post = await draft(editor.token);
    await act(editor.token, post.id, 'submit').expect(200);
    const noComment = await act(supervisor.token, post.id, 'reject').expect(400);
    expect(noComment.body.errors[0]).toMatchObject({ field: 'comment' });
    expect((await act(supervisor.token, post.id, 'reject', { comment: 'Уточните адрес приёмной' }).expect(200)).body.status).toBe('draft');
    await server.http.post(`/api/v1/posts/${post.id}/comments`).set(bearer(editor.token)).send({ body: 'Адрес добавлен' }).expect(201);
    const thread = (await server.http.get(`/api/v1/posts/${post.id}/comments`).set(bearer(viewer.token)).expect(200)).body;
    expect(thread.map((c: { kind: string; body: string }) => `${c.kind}:${c.body}`)).toEqual(['rejection:Уточните адрес приёмной', 'comment:Адрес добавлен']);
  });

  it('cancels before publishing, and nothing is editable afterwards', async () => {
    const post = await draft(editor.token);
    await act(editor.token, post.id, 'submit').expect(200);
    await act(supervisor.token, post.id, 'approve').expect(200);
    const cancelled = (await act(editor.token, post.id, 'cancel').expect(200)).body as PostView;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.publications.every((p) => p.status === 'cancelled')).toBe(true);
    expect((await server.http.patch(`/api/v1/posts/${post.id}`).set(bearer(editor.token)).send({ text: 'x' }).expect(409)).body.code).toBe('post_locked');
    await act(editor.token, post.id, 'cancel').expect(409);
  });

  it('refuses to submit or approve what a platform would refuse, naming channel and rule', async () => {
    const long = 'Очень длинное сообщение. '.repeat(200); // ~5000 characters: over Telegram's 4096
    const post = await draft(editor.token, { text: long });
    expect(post.problems).toEqual([expect.objectContaining({ channelId: tg, platform: 'telegram', code: 'text_too_long' })]);
    const refused = await act(editor.token, post.id, 'submit').expect(422);
    expect(refused.body.code).toBe('post_not_publishable');
    expect(refused.body.problems[0]).toMatchObject({ channelName: 'Телеграм министерства', code: 'text_too_long' });
    // A shorter Telegram variant fixes it while VK keeps the long text.
    await server.http.patch(`/api/v1/posts/${post.id}`).set(bearer(editor.token)).send({ variants: { telegram: { text: 'Коротко: приём в пятницу.' } } }).expect(200);
    await act(editor.token, post.id, 'submit').expect(200);
  });

  it('judges images as each platform will receive them: a WebP is converted for VK, so it passes', async () => {
    const webp = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#aa3300' } }).webp().toBuffer();
    const media = await server.http.post('/api/v1/media').set(bearer(editor.token)).field('organizationId', ministryId).attach('file', webp, { filename: 'pic.webp', contentType: 'image/webp' }).expect(201);
    const post = await draft(editor.token, { mediaIds: [media.body.id], channelIds: [vk, tg] });
    expect(post.problems).toEqual([]);
    const foreign = await server.http.post('/api/v1/posts').set(bearer(editor.token)).send({ organizationId: ministryId, rubric: 'official', text: 'x', mediaIds: ['00000000-0000-4000-8000-000000000000'], channelIds: [vk], scheduledAt: localDateTime(2) }).expect(400);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'mediaIds.0', rule: 'mediaInSubtree' });
  });

  it('refuses a post scheduled in the past at submit', async () => {
    const post = await draft(editor.token, { scheduledAt: '2020-01-01T10:00' });
    const refused = await act(editor.token, post.id, 'submit').expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'scheduledAt', rule: 'scheduled_in_past' })]);
    // The time concerns the post, not a channel or a platform.
    expect(refused.body.problems).toEqual([expect.objectContaining({ code: 'scheduled_in_past', channelId: null, channelName: null, platform: null })]);
  });

  it('reports a post left without channels as a problem of the post, naming no platform', async () => {
    const soleVk = await insertChannel(server, ministryId, 'vk', 'ВК, который удалят');
    const post = await draft(editor.token, { channelIds: [soleVk] });
    await server.http.delete(`/api/v1/channels/${soleVk}`).set(bearer(admin)).expect(204);
    const refused = await act(editor.token, post.id, 'submit').expect(422);
    expect(refused.body.problems).toEqual([{ channelId: null, channelName: null, platform: null, code: 'no_channels', field: 'channelIds', message: expect.any(String) }]);
  });

  it('refuses new posts, their submission and approval, and new channels in an archived organization', async () => {
    const commissionId = (await createOrganization(server, admin, ministryId, 'Временная комиссия')).id;
    const commissionVk = await insertChannel(server, commissionId, 'vk', 'ВК комиссии');
    const body = { organizationId: commissionId, channelIds: [commissionVk] };
    const waiting = await draft(editor.token, body);
    const inReview = await draft(editor.token, body);
    await act(editor.token, inReview.id, 'submit').expect(200);
    await server.http.post(`/api/v1/organizations/${commissionId}/archive`).set(bearer(admin)).expect(200);

    const created = await server.http.post('/api/v1/posts').set(bearer(editor.token)).send({ rubric: 'official', text: 'Новое', scheduledAt: localDateTime(3), ...body }).expect(409);
    expect(created.body).toMatchObject({ code: 'organization_archived', message: expect.stringMatching(/Временная комиссия.*в архиве/) });
    expect((await act(editor.token, waiting.id, 'submit').expect(409)).body.code).toBe('organization_archived');
    expect((await act(supervisor.token, inReview.id, 'approve').expect(409)).body.code).toBe('organization_archived');
    // Refused before any platform is asked: this server knows no platform to ask.
    const channel = await server.http.post('/api/v1/channels').set(bearer(admin)).send({ organizationId: commissionId, platform: 'telegram', name: 'Телеграм комиссии', target: '@commission65', credentials: { botToken: '123456:AAtest-bot-token-for-vestnik-000' } }).expect(409);
    expect(channel.body).toMatchObject({ code: 'organization_archived', message: expect.stringMatching(/в архиве/) });
    // What is already there may still be withdrawn.
    await act(editor.token, waiting.id, 'cancel').expect(200);
    const [row] = await server.db.dataSource.query('SELECT status FROM posts WHERE id = $1', [inReview.id]);
    expect(row.status).toBe('in_review');
  });

  it('cross-posts into the subtree but never outside it', async () => {
    const post = await draft(editor.token, { channelIds: [vk, schoolTg] });
    expect(post.publications).toHaveLength(2);
    const outside = await server.http.post('/api/v1/posts').set(bearer(editor.token)).send({ organizationId: ministryId, rubric: 'useful', text: 'x', channelIds: [vk, siblingVk], scheduledAt: localDateTime(2) }).expect(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'channelIds.1', rule: 'channelInSubtree' })]);
    // A school's post cannot reach the ministry's page above it.
    const upward = await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: schoolId, rubric: 'useful', text: 'x', channelIds: [vk], scheduledAt: localDateTime(2) }).expect(400);
    expect(upward.body.errors[0].field).toBe('channelIds.0');
  });

  it('validates input naming the field and the rule, and refuses stale edits', async () => {
    const bad = await server.http.post('/api/v1/posts').set(bearer(editor.token)).send({ organizationId: ministryId, rubric: 'gossip', text: '', channelIds: [], scheduledAt: 'завтра', link: 'ftp://x' }).expect(400);
    expect(bad.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual(
      expect.arrayContaining(['rubric:isIn', 'text:isNotEmpty', 'channelIds:arrayMinSize', 'scheduledAt:matches', 'link:isUrl']),
    );
    const post = await draft(editor.token);
    await server.http.patch(`/api/v1/posts/${post.id}`).set(bearer(editor.token)).send({ text: 'Первая правка', version: 1 }).expect(200);
    expect((await server.http.patch(`/api/v1/posts/${post.id}`).set(bearer(supervisor.token)).send({ text: 'Вторая правка', version: 1 }).expect(409)).body.code).toBe('stale_version');
  });

  it('removes the link when a blank one is sent, and still refuses anything but an address', async () => {
    const post = await draft(editor.token, { link: 'https://minobr.sakhalin.gov.ru/news' });
    expect(post.link).toBe('https://minobr.sakhalin.gov.ru/news');
    const edited = (await server.http.patch(`/api/v1/posts/${post.id}`).set(bearer(editor.token)).send({ link: '' }).expect(200)).body as PostView;
    expect(edited.link).toBeNull();
    const bad = await server.http.patch(`/api/v1/posts/${post.id}`).set(bearer(editor.token)).send({ link: 'ftp://x' }).expect(400);
    expect(bad.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual(['link:isUrl']);
  });

  it('lists the calendar with filters and paging, isolated by subtree', async () => {
    const useful = await draft(editor.token, { rubric: 'useful', channelIds: [schoolTg], scheduledAt: localDateTime(5, '12:00') });
    const page = (await server.http.get(`/api/v1/posts?organizationId=${ministryId}&rubric=useful&channelId=${schoolTg}`).set(bearer(viewer.token)).expect(200)).body;
    expect(page.items.map((p: PostView) => p.id)).toEqual([useful.id]);
    const paged = (await server.http.get(`/api/v1/posts?organizationId=${ministryId}&limit=2&offset=1`).set(bearer(viewer.token)).expect(200)).body;
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(3);
    const window = (await server.http.get(`/api/v1/posts?organizationId=${ministryId}&from=${localDateTime(5, '00:00')}&to=${localDateTime(6, '00:00')}`).set(bearer(viewer.token)).expect(200)).body;
    expect(window.items.map((p: PostView) => p.id)).toContain(useful.id);
    expect(window.items.every((p: PostView) => p.scheduledAtLocal.startsWith(localDateTime(5).slice(0, 10)))).toBe(true);

    // The sibling ministry's people see none of it.
    const outsider = await createMember(server, admin, siblingId, 'admin');
    await server.http.get(`/api/v1/posts?organizationId=${ministryId}`).set(bearer(outsider.token)).expect(404);
    for (const path of [`/api/v1/posts/${useful.id}`, `/api/v1/posts/${useful.id}/comments`]) await server.http.get(path).set(bearer(outsider.token)).expect(404);
    const bodies: Record<string, Record<string, unknown>> = { submit: {}, approve: {}, reject: { comment: 'x' }, cancel: {}, comments: { body: 'x' } };
    for (const [action, body] of Object.entries(bodies)) await act(outsider.token, useful.id, action, body).expect(404);
    await server.http.patch(`/api/v1/posts/${useful.id}`).set(bearer(outsider.token)).send({ text: 'x' }).expect(404);
    await server.http.get(`/api/v1/reports/cadence?organizationId=${ministryId}`).set(bearer(outsider.token)).expect(404);
    await server.http.get(`/api/v1/channels?organizationId=${ministryId}`).set(bearer(outsider.token)).expect(404);
    await server.http.get(`/api/v1/channels/${vk}`).set(bearer(outsider.token)).expect(404);
  });

  it('audits every transition', async () => {
    const entries = (await server.http.get(`/api/v1/audit?organizationId=${ministryId}&limit=500`).set(bearer(admin)).expect(200)).body.items as { action: string }[];
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['post.created', 'post.updated', 'post.updated_back_to_review', 'post.submitted', 'post.approved', 'post.rejected', 'post.cancelled', 'post.commented']) expect(actions).toContain(a);
  });
});
