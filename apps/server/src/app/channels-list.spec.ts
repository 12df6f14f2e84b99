import type { ChannelView, PostView } from '@vestnik/contracts';
import { ChannelActivity } from '@vestnik/server/channels';
import { createMember, createOrganization, insertChannel, localDateTime } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/**
 * The channels page lists every page of an organization's subtree with what went out on it last and
 * what still waits for it, in one answer however many pages there are.
 */
describe('channel list: the subtree, last publications and posts waiting', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let districtId: string;
  let schoolId: string;

  const list = async (organizationId: string, token = admin): Promise<ChannelView[]> =>
    (await server.http.get(`/api/v1/channels?organizationId=${organizationId}`).set(bearer(token)).expect(200)).body;
  const post = async (organizationId: string, channelIds: string[]): Promise<PostView> =>
    (await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId, rubric: 'useful', channelIds, scheduledAt: localDateTime(2, '09:30'), text: 'Приём граждан в пятницу.' }).expect(201)).body;
  const publishedAt = (postId: string, channelId: string, at: string) =>
    server.db.dataSource.query(`UPDATE publications SET status = 'published', published_at = $3 WHERE post_id = $1 AND channel_id = $2`, [postId, channelId, at]);

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    districtId = (await createOrganization(server, admin, rootId, 'Администрация района')).id;
    schoolId = (await createOrganization(server, admin, districtId, 'Школа №1')).id;
  });
  afterAll(() => server?.close());

  it('answers each page of the subtree with its last publication and the posts still to go out on it', async () => {
    const ministry = await insertChannel(server, rootId, 'vk', 'ВК министерства');
    const district = await insertChannel(server, districtId, 'telegram', 'Телеграм района');
    const school = await insertChannel(server, schoolId, 'ok', 'ОК школы');
    const first = await post(rootId, [ministry, district]);
    const second = await post(rootId, [ministry]);
    await post(districtId, [district]);
    await publishedAt(first.id, ministry, '2026-03-01T01:00:00.000Z');
    await publishedAt(second.id, ministry, '2026-03-05T02:30:00.000Z');
    await publishedAt(first.id, district, '2026-03-01T01:00:05.000Z');
    await server.db.dataSource.query(`UPDATE publications SET status = 'cancelled' WHERE post_id = $1 AND channel_id = $2 AND status <> 'published'`, [second.id, district]);

    const byId = new Map((await list(rootId)).map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([ministry, district, school].sort());
    expect(byId.get(ministry)).toMatchObject({ organizationId: rootId, lastPublishedAt: '2026-03-05T02:30:00.000Z', upcomingPublications: 0 });
    expect(byId.get(district)).toMatchObject({ organizationId: districtId, lastPublishedAt: '2026-03-01T01:00:05.000Z', upcomingPublications: 1 });
    expect(byId.get(school)).toMatchObject({ organizationId: schoolId, lastPublishedAt: null, upcomingPublications: 0 });

    // One page answers the same facts as the list.
    const one = (await server.http.get(`/api/v1/channels/${district}`).set(bearer(admin)).expect(200)).body as ChannelView;
    expect(one).toMatchObject({ lastPublishedAt: '2026-03-01T01:00:05.000Z', upcomingPublications: 1 });

    // A district sees its own subtree only, whoever asks.
    const districtEditor = await createMember(server, admin, districtId, 'editor');
    expect((await list(districtId, districtEditor.token)).map((c) => c.id).sort()).toEqual([district, school].sort());
    await server.http.get(`/api/v1/channels?organizationId=${rootId}`).set(bearer(districtEditor.token)).expect(404);
  });

  it('asks the posts context once for the whole list, not once per page', async () => {
    for (let i = 0; i < 30; i++) await insertChannel(server, schoolId, 'telegram', `Канал класса ${i + 1}`);
    const activity = server.app.get(ChannelActivity);
    const asked = jest.spyOn(activity, 'of');
    try {
      const channels = await list(rootId);
      expect(channels.length).toBeGreaterThanOrEqual(33);
      expect(asked).toHaveBeenCalledTimes(1);
      expect([...(asked.mock.calls[0]?.[0] ?? [])].sort()).toEqual(channels.map((c) => c.id).sort());
    } finally {
      asked.mockRestore();
    }
  });
});
