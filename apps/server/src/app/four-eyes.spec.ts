import type { PostView } from '@vestnik/contracts';
import { POSTS_SCHEMA } from '@vestnik/server/posts';
import { createMember, createOrganization, insertChannel, localDateTime } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/** Approval must come from someone who wrote none of the content under review. */
describe('four eyes on approval', () => {
  let server: TestServer;
  let rootAdmin: string;
  let rootId: string;
  let ministryId: string;
  let vk: string;
  let author: { token: string; userId: string };
  let first: { token: string; userId: string };
  let second: { token: string; userId: string };
  let ministryAdmin: { token: string; userId: string };

  const draft = async (token: string, organizationId = ministryId, channelIds = [vk]) =>
    (await server.http.post('/api/v1/posts').set(bearer(token)).send({ organizationId, rubric: 'official', text: 'Приём граждан — в пятницу.', channelIds, scheduledAt: localDateTime(3) }).expect(201)).body as PostView;
  const act = (token: string, id: string, action: string) => server.http.post(`/api/v1/posts/${id}/${action}`).set(bearer(token)).send({});
  const edit = (token: string, id: string, body: Record<string, unknown>) => server.http.patch(`/api/v1/posts/${id}`).set(bearer(token)).send(body);
  const settings = (organizationId: string, body: Record<string, unknown>, token = rootAdmin) => server.http.patch(`/api/v1/organizations/${organizationId}`).set(bearer(token)).send(body);

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    rootAdmin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    ministryId = (await createOrganization(server, rootAdmin, rootId, 'Министерство образования')).id;
    vk = await insertChannel(server, ministryId, 'vk', 'ВК министерства');
    author = await createMember(server, rootAdmin, ministryId, 'editor');
    first = await createMember(server, rootAdmin, ministryId, 'supervisor');
    second = await createMember(server, rootAdmin, ministryId, 'supervisor');
    ministryAdmin = await createMember(server, rootAdmin, ministryId, 'admin');
  });
  afterAll(() => server.close());

  it('refuses the author, and lets another supervisor approve', async () => {
    const own = await draft(first.token);
    await act(first.token, own.id, 'submit').expect(200);
    const refused = await act(first.token, own.id, 'approve').expect(403);
    expect(refused.body.code).toBe('four_eyes');
    expect(refused.body.message).toMatch(/автор/i);
    expect((await act(second.token, own.id, 'approve').expect(200)).body).toMatchObject({ status: 'scheduled', approvedBy: second.userId });
  });

  it('refuses a supervisor who changed the text in review; a second supervisor approves', async () => {
    const post = await draft(author.token);
    await act(author.token, post.id, 'submit').expect(200);
    const rewritten = (await edit(first.token, post.id, { text: 'Приём граждан переносится на понедельник.' }).expect(200)).body as PostView;
    expect(rewritten).toMatchObject({ status: 'in_review', version: 2 });
    const refused = await act(first.token, post.id, 'approve').expect(403);
    expect(refused.body.code).toBe('four_eyes');
    expect(refused.body.message).toMatch(/изменял/i);
    const [still] = await server.db.dataSource.query('SELECT status, approved_by FROM posts WHERE id = $1', [post.id]);
    expect(still).toEqual({ status: 'in_review', approved_by: null });
    expect((await act(second.token, post.id, 'approve').expect(200)).body).toMatchObject({ status: 'scheduled', approvedBy: second.userId });
  });

  it('counts edits made to the draft before it was submitted', async () => {
    const post = await draft(author.token);
    await edit(first.token, post.id, { text: 'Текст, переписанный руководителем до отправки.' }).expect(200);
    await act(author.token, post.id, 'submit').expect(200);
    expect((await act(first.token, post.id, 'approve').expect(403)).body.code).toBe('four_eyes');
    await act(second.token, post.id, 'approve').expect(200);
  });

  it('sends an approved post edited by an admin back to review, and he cannot approve it himself', async () => {
    const post = await draft(author.token);
    await act(author.token, post.id, 'submit').expect(200);
    await act(first.token, post.id, 'approve').expect(200);
    const edited = (await edit(ministryAdmin.token, post.id, { scheduledAt: localDateTime(4) }).expect(200)).body as PostView;
    expect(edited).toMatchObject({ status: 'in_review', approvedBy: null, approvedAt: null, version: 2 });
    expect(edited.publications.every((p) => p.status === 'pending')).toBe(true);
    const [voided] = await server.db.dataSource.query('SELECT approved_hash FROM posts WHERE id = $1', [post.id]);
    expect(voided.approved_hash).toBeNull();

    expect((await act(ministryAdmin.token, post.id, 'approve').expect(403)).body.code).toBe('four_eyes');
    // The supervisor who approved the earlier version did not touch this change: he may approve it.
    const approved = (await act(first.token, post.id, 'approve').expect(200)).body as PostView;
    expect(approved.publications.every((p) => p.status === 'scheduled')).toBe(true);
    const [bound] = await server.db.dataSource.query('SELECT content_hash, approved_hash FROM posts WHERE id = $1', [post.id]);
    expect(bound.approved_hash).toBe(bound.content_hash);
  });

  it('forgets edits that a second person has already approved', async () => {
    const post = await draft(author.token);
    await edit(first.token, post.id, { text: 'Правка первого руководителя.' }).expect(200);
    await act(author.token, post.id, 'submit').expect(200);
    await act(second.token, post.id, 'approve').expect(200);
    // The author changes it again: the first supervisor's old edit was reviewed by the second, so he may judge this one.
    await edit(author.token, post.id, { text: 'Правка автора после согласования.' }).expect(200);
    await act(first.token, post.id, 'approve').expect(200);
  });

  it('records each content change as a revision, in the transaction of the change', async () => {
    const post = await draft(author.token);
    await edit(first.token, post.id, { text: 'Вторая версия.' }).expect(200);
    await edit(first.token, post.id, { text: 'Вторая версия.' }).expect(200); // nothing changes: no revision
    await act(author.token, post.id, 'submit').expect(200);
    await edit(ministryAdmin.token, post.id, { title: 'Для внутреннего учёта' }).expect(200);
    const revisions: { version: number; editor_id: string; kind: string; content_hash: string }[] = await server.db.dataSource.query(
      'SELECT version, editor_id, kind, content_hash FROM post_revisions WHERE post_id = $1 ORDER BY version',
      [post.id],
    );
    expect(revisions.map((r) => [r.version, r.editor_id, r.kind])).toEqual([
      [1, author.userId, 'created'],
      [2, first.userId, 'edited'],
      [3, ministryAdmin.userId, 'edited'],
    ]);
    const [row] = await server.db.dataSource.query('SELECT version, content_hash, submitted_version FROM posts WHERE id = $1', [post.id]);
    expect(row).toMatchObject({ version: 3, submitted_version: 2, content_hash: revisions[2].content_hash });
    expect(new Set(revisions.map((r) => r.content_hash)).size).toBe(3);
  });

  it('lets one person write and approve where self-approval is allowed, unless an ancestor requires four eyes', async () => {
    const board = (await createOrganization(server, rootAdmin, ministryId, 'Попечительский совет')).id;
    const boardVk = await insertChannel(server, board, 'vk', 'ВК совета');
    await settings(board, { allowSelfApproval: true }).expect(200);
    const post = await draft(first.token, board, [boardVk]);
    await act(first.token, post.id, 'submit').expect(200);
    await edit(first.token, post.id, { text: 'Сам написал, сам поправил.' }).expect(200);
    await act(first.token, post.id, 'approve').expect(200);

    // The ministry now requires four eyes below it: the board's own allowance no longer counts.
    await settings(ministryId, { requireFourEyesInSubtree: true }).expect(200);
    const next = await draft(first.token, board, [boardVk]);
    await act(first.token, next.id, 'submit').expect(200);
    const refused = await act(first.token, next.id, 'approve').expect(403);
    expect(refused.body.code).toBe('four_eyes');
    await act(second.token, next.id, 'approve').expect(200);
    await settings(ministryId, { requireFourEyesInSubtree: false }).expect(200);
  });

  it('migrates posts made before revisions were kept: editors from the audit log, every one of them barred', async () => {
    const post = await draft(author.token);
    await edit(first.token, post.id, { text: 'Правка первого руководителя.' }).expect(200);
    await act(author.token, post.id, 'submit').expect(200);
    await act(second.token, post.id, 'approve').expect(200);
    await edit(author.token, post.id, { text: 'Правка автора после согласования.' }).expect(200);

    const migration = POSTS_SCHEMA.migrations.map((M) => new M()).find((m) => m.name === 'PostRevisions1765100000001');
    if (!migration) throw new Error('PostRevisions migration not registered');
    const runner = server.db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const revisions: { version: number; editor_id: string; kind: string; content_hash: string | null }[] = await server.db.dataSource.query(
      'SELECT version, editor_id, kind, content_hash FROM post_revisions WHERE post_id = $1 ORDER BY version',
      [post.id],
    );
    const [row] = await server.db.dataSource.query('SELECT content_hash FROM posts WHERE id = $1', [post.id]);
    expect(revisions).toEqual([
      { version: 1, editor_id: author.userId, kind: 'created', content_hash: null },
      { version: 2, editor_id: first.userId, kind: 'edited', content_hash: null },
      { version: 3, editor_id: author.userId, kind: 'edited', content_hash: row.content_hash },
    ]);
    // Which version was approved before the last edit is not known: the first supervisor's old edit counts.
    expect((await act(first.token, post.id, 'approve').expect(403)).body.code).toBe('four_eyes');
    await act(second.token, post.id, 'approve').expect(200);
  });
});
