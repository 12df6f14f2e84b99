import type { AttentionPublicationView, PostView } from '@vestnik/contracts';
import { createMember, createOrganization, insertChannel, localDateTime } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/**
 * The attention list names the post each publication belongs to, so a person can tell the items
 * apart without opening every one: its title (or its text's opening), time and organization.
 */
describe('publications needing attention: what the list says about each post', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let districtId: string;

  const post = async (organizationId: string, channelId: string, body: Record<string, unknown>): Promise<PostView> =>
    (await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId, rubric: 'useful', channelIds: [channelId], scheduledAt: localDateTime(2, '09:30'), ...body }).expect(201)).body;
  const setPublication = (postId: string, status: string, lastError: string | null) =>
    server.db.dataSource.query(`UPDATE publications SET status = $2, last_error = $3 WHERE post_id = $1`, [postId, status, lastError]);

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    districtId = (await createOrganization(server, admin, rootId, 'Администрация района')).id;
  });
  afterAll(() => server?.close());

  it('answers the title, the text opening, the scheduled time and the organization of each post', async () => {
    const rootChannel = await insertChannel(server, rootId, 'vk', 'ВК министерства');
    const districtChannel = await insertChannel(server, districtId, 'telegram', 'Телеграм района');
    const titled = await post(rootId, rootChannel, { title: 'День знаний', text: 'Линейки пройдут 1 сентября.' });
    const untitled = await post(districtId, districtChannel, { text: `Приём граждан в пятницу. ${'Подробности. '.repeat(100)}` });
    await setPublication(titled.id, 'failed', 'Площадка отказала: нет права публиковать записи');
    await setPublication(untitled.id, 'unconfirmed', null);

    const list: AttentionPublicationView[] = (await server.http.get(`/api/v1/publications/attention?organizationId=${rootId}`).set(bearer(admin)).expect(200)).body;
    const byPost = new Map(list.map((a) => [a.postId, a]));

    expect(byPost.get(titled.id)).toMatchObject({
      status: 'failed',
      channelName: 'ВК министерства',
      lastError: 'Площадка отказала: нет права публиковать записи',
      postTitle: 'День знаний',
      postText: 'Линейки пройдут 1 сентября.',
      scheduledAt: titled.scheduledAt,
      organizationId: rootId,
    });
    const other = byPost.get(untitled.id);
    expect(other).toMatchObject({ status: 'unconfirmed', postTitle: null, scheduledAt: untitled.scheduledAt, organizationId: districtId });
    // The opening only: enough to recognise the post, not its whole text on every item.
    expect(other?.postText.startsWith('Приём граждан в пятницу.')).toBe(true);
    expect(other?.postText.length).toBeLessThanOrEqual(300);
  });

  it('lists only the subtree asked about, to anyone who may see it', async () => {
    const viewer = await createMember(server, admin, districtId, 'viewer');
    const list: AttentionPublicationView[] = (await server.http.get(`/api/v1/publications/attention?organizationId=${districtId}`).set(bearer(viewer.token)).expect(200)).body;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((a) => a.organizationId === districtId)).toBe(true);
    await server.http.get(`/api/v1/publications/attention?organizationId=${rootId}`).set(bearer(viewer.token)).expect(404);
  });
});

describe('a person publishing again, racing a change of the post', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
  });
  afterAll(() => server?.close());

  /** A post whose only publication failed after approval. */
  const failedPost = async (): Promise<{ postId: string; publicationId: string }> => {
    const channel = await insertChannel(server, rootId, 'telegram', `Телеграм ${Math.random()}`);
    const created: PostView = (
      await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: rootId, rubric: 'useful', channelIds: [channel], scheduledAt: localDateTime(2, '09:30'), text: 'Приём граждан.' }).expect(201)
    ).body;
    await server.db.dataSource.query(`UPDATE posts SET status = 'failed', approved_hash = content_hash WHERE id = $1`, [created.id]);
    await server.db.dataSource.query(`UPDATE publications SET status = 'failed', last_error = 'нет прав' WHERE post_id = $1`, [created.id]);
    const [publication] = await server.db.dataSource.query(`SELECT id FROM publications WHERE post_id = $1`, [created.id]);
    return { postId: created.id, publicationId: publication.id };
  };

  it('never sends a post cancelled while the request was on its way', async () => {
    const { postId, publicationId } = await failedPost();
    // The cancellation holds the post and commits only once the republish waits for it.
    const cancel = server.db.dataSource.createQueryRunner();
    await cancel.connect();
    await cancel.startTransaction();
    try {
      await cancel.query(`SELECT 1 FROM posts WHERE id = $1 FOR UPDATE`, [postId]);
      await cancel.query(`UPDATE posts SET status = 'cancelled' WHERE id = $1`, [postId]);
      const republish = server.http.post(`/api/v1/publications/${publicationId}/republish`).set(bearer(admin)).then((r) => r);
      const waiting = async () =>
        Number((await server.db.dataSource.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`))[0].n);
      for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(await waiting()).toBeGreaterThan(0);
      await cancel.commitTransaction();
      const answer = await republish;
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('post_not_approved');
    } finally {
      if (cancel.isTransactionActive) await cancel.rollbackTransaction();
      await cancel.release();
    }
    const [post] = await server.db.dataSource.query(`SELECT status FROM posts WHERE id = $1`, [postId]);
    const [publication] = await server.db.dataSource.query(`SELECT status FROM publications WHERE id = $1`, [publicationId]);
    expect(post.status).toBe('cancelled');
    expect(publication.status).toBe('failed');
  });

  it('names the publication state in Russian when the action does not apply to it', async () => {
    const { publicationId } = await failedPost();
    await server.http.post(`/api/v1/publications/${publicationId}/republish`).set(bearer(admin)).expect(200);
    const again = await server.http.post(`/api/v1/publications/${publicationId}/republish`).set(bearer(admin)).expect(409);
    expect(again.body.code).toBe('invalid_transition');
    expect(again.body.message).toContain('«Ждёт времени публикации»');
  });
});
