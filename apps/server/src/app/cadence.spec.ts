import type { CadenceReport } from '@vestnik/contracts';
import { createMember, createOrganization, insertChannel } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

describe('cadence report', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let schoolId: string;
  let channel: string;

  /** A post written straight in a given status and time, as the publishing engine would leave it. */
  const insertPost = async (organizationId: string, rubric: string, scheduledAt: Date, status: string, publicationStatus: string, channelId = channel) => {
    const [author] = await server.db.dataSource.query('SELECT id FROM users LIMIT 1');
    const [post] = await server.db.dataSource.query(
      `INSERT INTO posts (organization_id, author_id, rubric, text, scheduled_at, status, content_hash) VALUES ($1, $2, $3, 'x', $4, $5, 'h') RETURNING id`,
      [organizationId, author.id, rubric, scheduledAt, status],
    );
    await server.db.dataSource.query(`INSERT INTO publications (post_id, channel_id, platform, status) VALUES ($1, $2, 'vk', $3)`, [post.id, channelId, publicationStatus]);
  };

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server, 'Europe/Moscow');
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    schoolId = (await createOrganization(server, admin, rootId, 'Школа')).id;
    channel = await insertChannel(server, schoolId, 'vk', 'ВК школы');
    await server.http.patch(`/api/v1/channels/${channel}`).set(bearer(admin)).send({ weeklyMinimum: 2, rubricMix: { official: 50, useful: 30, entertaining: 20 } }).expect(200);
  });
  afterAll(() => server.close());

  it('counts planned and published by rubric per week and judges the minimum', async () => {
    const day = 86_400_000;
    const lastWeek = new Date(Date.now() - 7 * day);
    const nextWeek = new Date(Date.now() + 7 * day);
    await insertPost(schoolId, 'official', lastWeek, 'published', 'published');
    await insertPost(schoolId, 'useful', lastWeek, 'failed', 'failed');
    await insertPost(schoolId, 'official', nextWeek, 'scheduled', 'scheduled');
    await insertPost(schoolId, 'entertaining', nextWeek, 'scheduled', 'scheduled');
    await insertPost(schoolId, 'useful', nextWeek, 'draft', 'pending'); // a draft is not planned
    await insertPost(rootId, 'official', nextWeek, 'cancelled', 'cancelled');

    const report = (await server.http.get(`/api/v1/reports/cadence?organizationId=${rootId}&weeks=4`).set(bearer(admin)).expect(200)).body as CadenceReport;
    expect(report.timezone).toBe('Europe/Moscow');
    expect(report.weeks).toHaveLength(4);
    const row = report.channels.find((c) => c.channelId === channel)!;
    expect(row).toMatchObject({ weeklyMinimum: 2, rubricMix: { official: 50, useful: 30, entertaining: 20 } });
    const [past, current, next] = row.weeks;
    expect(past.published).toEqual({ official: 1, useful: 0, entertaining: 0, total: 1 });
    expect(past.planned.total).toBe(2); // the failed one was planned
    expect(past.minimumMet).toBe(false);
    expect(current.planned.total).toBe(0);
    expect(next.planned).toEqual({ official: 1, useful: 0, entertaining: 1, total: 2 });
    expect(next.minimumMet).toBe(true);
    expect(report.mix.subtree).toEqual({ official: 2, useful: 1, entertaining: 1 });
    expect(report.mix.organization).toEqual({ official: 0, useful: 0, entertaining: 0 });
  });

  it('lets only admins set minimums and refuses a mix that does not add up', async () => {
    const editor = await createMember(server, admin, schoolId, 'editor');
    await server.http.patch(`/api/v1/channels/${channel}`).set(bearer(editor.token)).send({ weeklyMinimum: 10 }).expect(403);
    const bad = await server.http.patch(`/api/v1/channels/${channel}`).set(bearer(admin)).send({ rubricMix: { official: 50, useful: 30, entertaining: 30 } }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'rubricMix', rule: 'rubricMix' });
    const badMin = await server.http.patch(`/api/v1/channels/${channel}`).set(bearer(admin)).send({ weeklyMinimum: -1 }).expect(400);
    expect(badMin.body.errors[0]).toMatchObject({ field: 'weeklyMinimum', rule: 'min' });
  });
});
