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
