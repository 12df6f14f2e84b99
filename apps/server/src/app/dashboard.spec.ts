import type { DashboardPageHistoryView, DashboardPagesView, DashboardSummaryView, Platform, Rubric } from '@vestnik/contracts';
import { DashboardClock } from '@vestnik/server/coordination';
import { createMember, createOrganization, insertChannel } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/** Wednesday 16 January 2030, 12:00 in Moscow: the week runs Monday 14 to Sunday 20. */
const NOW = new Date('2030-01-16T09:00:00Z');

describe('coordinator dashboard', () => {
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let schoolId: string;
  let hospitalId: string;
  /** At its minimum by forecast: 2 out, 1 waiting on Friday. */
  let onTrack: string;
  /** 1 out, nothing planned: 2 short. */
  let short: string;
  /** No minimum, refused by the platform, a failure this week (zone Asia/Sakhalin). */
  let failing: string;
  /** The root's page: 1 waiting after a republish, a pending one and a cancelled one that do not count. */
  let rootPage: string;

  const publication = async (o: { org: string; channel: string; platform: Platform; rubric?: Rubric; scheduledAt: string; postStatus?: string; status: string; publishedAt?: string; requeuedAt?: string }) => {
    const [author] = await server.db.dataSource.query('SELECT id FROM users LIMIT 1');
    const [post] = await server.db.dataSource.query(
      `INSERT INTO posts (organization_id, author_id, rubric, text, scheduled_at, status, content_hash) VALUES ($1, $2, $3, 'x', $4, $5, 'h') RETURNING id`,
      [o.org, author.id, o.rubric ?? 'official', o.scheduledAt, o.postStatus ?? (o.status === 'published' ? 'published' : 'scheduled')],
    );
    await server.db.dataSource.query(`INSERT INTO publications (post_id, channel_id, platform, status, published_at, requeued_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      post.id,
      o.channel,
      o.platform,
      o.status,
      o.publishedAt ?? null,
      o.requeuedAt ?? null,
    ]);
  };
  const setMinimum = (channel: string, weeklyMinimum: number | null, rubricMix: Record<Rubric, number> | null = null) =>
    server.http.patch(`/api/v1/channels/${channel}`).set(bearer(admin)).send({ weeklyMinimum, rubricMix }).expect(200);
  const pages = async (query: string, token = admin): Promise<DashboardPagesView> => (await server.http.get(`/api/v1/dashboard/pages?${query}`).set(bearer(token)).expect(200)).body;

  beforeAll(async () => {
    server = await startTestServer();
    server.app.get(DashboardClock).now = () => NOW;
    const setup = await setupRoot(server, 'Europe/Moscow');
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    schoolId = (await createOrganization(server, admin, rootId, 'Школа № 1')).id;
    hospitalId = (await createOrganization(server, admin, rootId, 'Больница', 'Asia/Sakhalin')).id;
    onTrack = await insertChannel(server, schoolId, 'vk', 'ВК школы');
    short = await insertChannel(server, schoolId, 'telegram', 'Телеграм школы');
    failing = await insertChannel(server, hospitalId, 'ok', 'ОК больницы', 'needs_attention');
    rootPage = await insertChannel(server, rootId, 'vk', 'ВК правительства');
    const gone = await insertChannel(server, schoolId, 'vk', 'Удалённый канал');
    await server.db.dataSource.query(`UPDATE channels SET deleted_at = now() WHERE id = $1`, [gone]);
    await setMinimum(onTrack, 3, { official: 50, useful: 30, entertaining: 20 });
    await setMinimum(short, 3);
    await setMinimum(rootPage, 2);

    const school = { org: schoolId, channel: onTrack, platform: 'vk' as const };
    await publication({ ...school, rubric: 'official', scheduledAt: '2030-01-14T07:00:00Z', status: 'published', publishedAt: '2030-01-14T07:00:05Z' });
    await publication({ ...school, rubric: 'useful', scheduledAt: '2030-01-15T07:00:00Z', status: 'published', publishedAt: '2030-01-15T07:00:05Z' });
    await publication({ ...school, rubric: 'official', scheduledAt: '2030-01-18T07:00:00Z', status: 'scheduled' });
    // Sunday 23:30 in Moscow: last week's.
    await publication({ ...school, rubric: 'entertaining', scheduledAt: '2030-01-13T20:30:00Z', status: 'published', publishedAt: '2030-01-13T20:30:00Z' });
    await publication({ ...school, rubric: 'useful', scheduledAt: '2030-01-02T07:00:00Z', status: 'failed' });

    await publication({ org: schoolId, channel: short, platform: 'telegram', rubric: 'useful', scheduledAt: '2030-01-15T08:00:00Z', status: 'published', publishedAt: '2030-01-15T08:00:02Z' });

    // Monday 05:00 in Sakhalin is still Sunday in UTC: this week's there.
    const hospital = { org: hospitalId, channel: failing, platform: 'ok' as const };
    await publication({ ...hospital, scheduledAt: '2030-01-13T18:00:00Z', status: 'published', publishedAt: '2030-01-13T18:00:00Z' });
    await publication({ ...hospital, scheduledAt: '2030-01-15T01:00:00Z', status: 'failed' });

    const root = { org: rootId, channel: rootPage, platform: 'vk' as const };
    await publication({ ...root, scheduledAt: '2030-01-12T07:00:00Z', status: 'scheduled', requeuedAt: '2030-01-17T07:00:00Z' });
    await publication({ ...root, scheduledAt: '2030-01-17T09:00:00Z', postStatus: 'in_review', status: 'pending' });
    await publication({ ...root, scheduledAt: '2030-01-17T10:00:00Z', postStatus: 'cancelled', status: 'cancelled' });
    await publication({ ...root, scheduledAt: '2030-01-24T07:00:00Z', status: 'scheduled' });
  });
  afterAll(() => server.close());

  it('counts each page this week in its zone: published, still scheduled, shortfall and why it is at risk', async () => {
    const answer = await pages(`organizationId=${rootId}`);
    expect(answer).toMatchObject({ organizationId: rootId, timezone: 'Europe/Moscow', weekStart: '2030-01-14', weekEnd: '2030-01-20', mixFrom: '2029-12-24', total: 4, limit: 50, offset: 0 });
    // At risk first, the largest shortfall first.
    expect(answer.rows.map((r) => r.channelName)).toEqual(['Телеграм школы', 'ВК правительства', 'ОК больницы', 'ВК школы']);
    const row = (id: string) => answer.rows.find((r) => r.channelId === id);
    expect(row(onTrack)).toMatchObject({
      organizationId: schoolId,
      organizationName: 'Школа № 1',
      platform: 'vk',
      weeklyMinimum: 3,
      publishedThisWeek: 2,
      scheduledRestOfWeek: 1,
      shortfall: 0,
      atRisk: false,
      riskReasons: [],
      daysAheadEmpty: 2,
      lastPublishedAt: '2030-01-15T07:00:05.000Z',
      failuresLast4Weeks: 1,
      needsAttention: false,
      rubricMix4Weeks: { official: 1, useful: 1, entertaining: 1 },
      rubricTarget: { official: 50, useful: 30, entertaining: 20 },
    });
    expect(row(short)).toMatchObject({ publishedThisWeek: 1, scheduledRestOfWeek: 0, shortfall: 2, atRisk: true, riskReasons: ['below_minimum_forecast', 'nothing_planned'], daysAheadEmpty: 14 });
    expect(row(failing)).toMatchObject({ timezone: 'Asia/Sakhalin', weeklyMinimum: null, publishedThisWeek: 1, shortfall: 0, riskReasons: ['needs_attention', 'failures'], needsAttention: true, failuresLast4Weeks: 1 });
    // The republished one counts on its new day; the one in review and the cancelled one do not.
    expect(row(rootPage)).toMatchObject({ publishedThisWeek: 0, scheduledRestOfWeek: 1, shortfall: 1, riskReasons: ['below_minimum_forecast'], daysAheadEmpty: 1, lastPublishedAt: null });
  });

  it('filters by platform, risk and text, sorts by any column and pages on the server', async () => {
    expect((await pages(`organizationId=${rootId}&platform=telegram`)).rows.map((r) => r.channelId)).toEqual([short]);
    const atRisk = await pages(`organizationId=${rootId}&atRiskOnly=true`);
    expect(atRisk.total).toBe(3);
    expect(atRisk.rows.every((r) => r.atRisk)).toBe(true);
    expect((await pages(`organizationId=${rootId}&search=больни`)).rows.map((r) => r.channelId)).toEqual([failing]);
    expect((await pages(`organizationId=${rootId}&search=${encodeURIComponent('100%')}`)).total).toBe(0);

    const byName = await pages(`organizationId=${rootId}&sort=channelName&order=asc&limit=2&offset=1`);
    expect(byName).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(byName.rows.map((r) => r.channelName)).toEqual(['ВК школы', 'ОК больницы']);
    const last = await pages(`organizationId=${rootId}&sort=lastPublishedAt&order=desc`);
    expect(last.rows.map((r) => r.channelId)).toEqual([short, onTrack, failing, rootPage]); // never published: last either way
    expect((await pages(`organizationId=${rootId}&sort=daysAheadEmpty`)).rows.map((r) => r.daysAheadEmpty)).toEqual([1, 2, 14, 14]);
    const beyond = await pages(`organizationId=${rootId}&offset=10`);
    expect(beyond).toMatchObject({ total: 4, rows: [] });
  });

  it('sums the subtree per week against the minimums, and the rubric mix against the target', async () => {
    const summary = (await server.http.get(`/api/v1/dashboard/summary?organizationId=${rootId}&weeks=2`).set(bearer(admin)).expect(200)).body as DashboardSummaryView;
    expect(summary.weeks).toEqual([
      { weekStart: '2030-01-07', published: 1, scheduled: 0, minimum: 8 },
      { weekStart: '2030-01-14', published: 4, scheduled: 2, minimum: 8 },
    ]);
    expect(summary.mix).toEqual({ from: '2029-12-24', published: { official: 2, useful: 2, entertaining: 1 }, targetPercent: { official: 50, useful: 30, entertaining: 20 } });
    expect(summary).toMatchObject({ pages: 4, pagesWithMinimum: 3, atRisk: 3, needsAttention: 1 });
    const vk = (await server.http.get(`/api/v1/dashboard/summary?organizationId=${rootId}&platform=vk`).set(bearer(admin)).expect(200)).body as DashboardSummaryView;
    expect(vk.weeks).toHaveLength(8);
    expect(vk).toMatchObject({ pages: 2, atRisk: 1 });
  });

  it('answers one page’s weeks', async () => {
    const history = (await server.http.get(`/api/v1/dashboard/pages/${onTrack}/history?weeks=3`).set(bearer(admin)).expect(200)).body as DashboardPageHistoryView;
    expect(history).toMatchObject({ channelId: onTrack, channelName: 'ВК школы', organizationId: schoolId, timezone: 'Europe/Moscow', weeklyMinimum: 3 });
    expect(history.weeks).toEqual([
      { weekStart: '2029-12-31', published: 0, scheduled: 0, minimum: 3 },
      { weekStart: '2030-01-07', published: 1, scheduled: 0, minimum: 3 },
      { weekStart: '2030-01-14', published: 2, scheduled: 1, minimum: 3 },
    ]);
    expect(history.mix.targetPercent).toEqual({ official: 50, useful: 30, entertaining: 20 });
  });

  it('shows a person only his subtree: anything outside answers 404', async () => {
    const viewer = await createMember(server, admin, schoolId, 'viewer');
    expect((await pages(`organizationId=${schoolId}`, viewer.token)).rows.map((r) => r.channelName).sort()).toEqual(['ВК школы', 'Телеграм школы']);
    await server.http.get(`/api/v1/dashboard/pages?organizationId=${rootId}`).set(bearer(viewer.token)).expect(404);
    await server.http.get(`/api/v1/dashboard/summary?organizationId=${hospitalId}`).set(bearer(viewer.token)).expect(404);
    await server.http.get(`/api/v1/dashboard/pages/${rootPage}/history`).set(bearer(viewer.token)).expect(404);
    await server.http.get(`/api/v1/dashboard/pages/${onTrack}/history`).set(bearer(viewer.token)).expect(200);
    await server.http.get(`/api/v1/dashboard/pages/${failing}/history`).set(bearer(viewer.token)).expect(404);
  });

  it('refuses bad input with 400 naming the field and the rule', async () => {
    const bad = async (query: string, field: string, rule: string) => {
      const res = await server.http.get(`/api/v1/dashboard/pages?${query}`).set(bearer(admin)).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
      expect(res.body.errors.find((e: { field: string }) => e.field === field).message).toContain(`«${field}»`);
    };
    await bad(`organizationId=${rootId}&sort=popularity`, 'sort', 'isIn');
    await bad(`organizationId=${rootId}&order=up`, 'order', 'isIn');
    await bad(`organizationId=${rootId}&limit=0`, 'limit', 'min');
    await bad(`organizationId=${rootId}&atRiskOnly=maybe`, 'atRiskOnly', 'isBoolean');
    await bad(`organizationId=${rootId}&platform=myspace`, 'platform', 'isIn');
    await bad(`organizationId=nope`, 'organizationId', 'isUuid');
    const weeks = await server.http.get(`/api/v1/dashboard/summary?organizationId=${rootId}&weeks=27`).set(bearer(admin)).expect(400);
    expect(weeks.body.errors[0]).toMatchObject({ field: 'weeks', rule: 'max' });
  });
});
