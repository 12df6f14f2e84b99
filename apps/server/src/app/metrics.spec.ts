import type { PostView } from '@vestnik/contracts';
import { PublicationEvent, PublishingEvents } from '@vestnik/server/publishing';
import { createOrganization, insertChannel, localDateTime } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format (0.0.4): one sample per line, `# HELP` and `# TYPE` kept apart. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1], type[2]);
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    samples.push({ name: m[1], labels, value: m[3] === '+Inf' ? Infinity : Number(m[3]) });
  }
  return { samples, types };
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) && Object.keys(s.labels).length === Object.keys(labels).length)?.value;

describe('metrics at /metrics', () => {
  let server: TestServer;
  let events: PublishingEvents;
  let admin: string;
  let ministryId: string;
  let vk: string;
  let tg: string;
  let post: PostView;

  const scrape = async () => {
    const res = await server.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    return { text: res.text, ...parseExposition(res.text) };
  };
  const event = (channelId: string, e: Partial<PublicationEvent>): PublicationEvent => {
    const pub = post.publications.find((p) => p.channelId === channelId);
    if (!pub) throw new Error('no publication');
    return { publicationId: pub.id, postId: post.id, channelId, organizationId: ministryId, platform: pub.platform, status: 'published', outcome: 'published', ...e };
  };

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    ministryId = (await createOrganization(server, admin, setup.user.memberships[0].organizationId, 'Министерство культуры')).id;
    vk = await insertChannel(server, ministryId, 'vk', 'ВК министерства культуры');
    tg = await insertChannel(server, ministryId, 'telegram', 'Телеграм министерства культуры');
    post = (await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: ministryId, rubric: 'useful', title: 'Ночь музеев', text: 'Музеи открыты до полуночи.', channelIds: [vk, tg], scheduledAt: localDateTime(2) }).expect(201)).body;
    events = server.app.get(PublishingEvents);
  });
  afterAll(() => server.close());

  it('is served outside the /api prefix, publicly, with process metrics', async () => {
    const { samples, types } = await scrape();
    await server.http.get('/api/metrics').expect(404);
    expect(types.get('vestnik_publications')).toBe('gauge');
    expect(types.get('vestnik_publication_lateness_seconds')).toBe('histogram');
    expect(types.get('vestnik_platform_errors_total')).toBe('counter');
    expect(types.get('vestnik_publication_outcomes_total')).toBe('counter');
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(value(samples, 'vestnik_database_up')).toBe(1);
  });

  it('counts publications by status and platform from PostgreSQL at scrape time', async () => {
    let { samples } = await scrape();
    expect(value(samples, 'vestnik_publications', { status: 'pending', platform: 'vk' })).toBe(1);
    expect(value(samples, 'vestnik_publications', { status: 'pending', platform: 'telegram' })).toBe(1);
    expect(value(samples, 'vestnik_publications', { status: 'failed', platform: 'ok' })).toBe(0);

    // Another replica may have changed them: the database is the truth.
    await server.db.dataSource.query(`UPDATE publications SET status = 'failed' WHERE post_id = $1 AND channel_id = $2`, [post.id, vk]);
    ({ samples } = await scrape());
    expect(value(samples, 'vestnik_publications', { status: 'pending', platform: 'vk' })).toBe(0);
    expect(value(samples, 'vestnik_publications', { status: 'failed', platform: 'vk' })).toBe(1);
    const total = samples.filter((s) => s.name === 'vestnik_publications').reduce((sum, s) => sum + s.value, 0);
    expect(total).toBe(2);
  });

  it('observes outcomes, platform errors and lateness from publishing events', async () => {
    await events.publication(event(vk, { latenessSeconds: 42 }));
    await events.publication(event(vk, { latenessSeconds: 0.4 }));
    await events.publication(event(tg, { latenessSeconds: 3 * 3600 }));
    await events.publication(event(tg, { status: 'scheduled', outcome: 'rate_limited', errorCode: '429', reason: 'Too Many Requests' }));
    await events.publication(event(tg, { status: 'scheduled', outcome: 'rate_limited', errorCode: '429' }));
    await events.publication(event(vk, { status: 'failed', outcome: 'rejected', errorCode: '214', reason: 'Публикация запрещена' }));
    await events.publication(event(vk, { status: 'missed', outcome: 'missed' }));

    const { samples, text } = await scrape();
    expect(value(samples, 'vestnik_publication_outcomes_total', { platform: 'vk', outcome: 'published' })).toBe(2);
    expect(value(samples, 'vestnik_publication_outcomes_total', { platform: 'telegram', outcome: 'published' })).toBe(1);
    expect(value(samples, 'vestnik_publication_outcomes_total', { platform: 'telegram', outcome: 'rate_limited' })).toBe(2);
    expect(value(samples, 'vestnik_publication_outcomes_total', { platform: 'vk', outcome: 'rejected' })).toBe(1);
    expect(value(samples, 'vestnik_publication_outcomes_total', { platform: 'vk', outcome: 'missed' })).toBe(1);
    expect(value(samples, 'vestnik_platform_errors_total', { platform: 'telegram', code: '429' })).toBe(2);
    expect(value(samples, 'vestnik_platform_errors_total', { platform: 'vk', code: '214' })).toBe(1);

    const bucket = (platform: string, le: string) => value(samples, 'vestnik_publication_lateness_seconds_bucket', { platform, le });
    expect([bucket('vk', '1'), bucket('vk', '30'), bucket('vk', '60'), bucket('vk', '7200'), bucket('vk', '+Inf')]).toEqual([1, 1, 2, 2, 2]);
    expect(value(samples, 'vestnik_publication_lateness_seconds_sum', { platform: 'vk' })).toBeCloseTo(42.4);
    expect(value(samples, 'vestnik_publication_lateness_seconds_count', { platform: 'vk' })).toBe(2);
    // Later than the last bucket (2 h): only +Inf holds it.
    expect([bucket('telegram', '7200'), bucket('telegram', '+Inf')]).toEqual([0, 1]);
    const les = samples.filter((s) => s.name === 'vestnik_publication_lateness_seconds_bucket' && s.labels['platform'] === 'vk').map((s) => s.labels['le']);
    expect(les).toEqual(['1', '5', '15', '30', '60', '120', '300', '600', '1800', '3600', '7200', '+Inf']);

    // Counts only: no names, ids or texts of anyone's content.
    for (const secret of [post.id, vk, tg, ministryId, 'Ночь музеев', 'министерства', 'Публикация запрещена', 'Too Many Requests']) expect(text).not.toContain(secret);
  });
});

describe('metrics protected by METRICS_TOKEN', () => {
  const TOKEN = 'prometheus-scrape-token-0123456789';
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => server.close());

  it('answers 401 without the bearer token and the metrics with it', async () => {
    expect((await server.http.get('/metrics').expect(401)).body.code).toBe('unauthorized');
    await server.http.get('/metrics').set(bearer('wrong-token-of-the-same-kind-000')).expect(401);
    await server.http.get('/metrics').set('Authorization', `Basic ${TOKEN}`).expect(401);
    const res = await server.http.get('/metrics').set(bearer(TOKEN)).expect(200);
    expect(res.text).toContain('# TYPE vestnik_publications gauge');
    // The API's own sign-in is not what protects it: an access token alone does not open it.
    const { accessToken } = await setupRoot(server);
    await server.http.get('/metrics').set(bearer(accessToken)).expect(401);
  });
});
