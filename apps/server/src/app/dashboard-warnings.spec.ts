import type { NotificationPage } from '@vestnik/contracts';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { COORDINATION_SCHEMA, DashboardClock, MinimumWarnings } from '@vestnik/server/coordination';
import { EmailOutbox, MinimumNotices } from '@vestnik/server/notifications';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { createMember, createOrganization, insertChannel } from '../testing/factories';
import { readMail, startFakeSmtp } from '../testing/fake-smtp';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/** Wednesday 16 and Friday 18 January 2030, 12:00 in Moscow: 4 and 2 whole days left in the week. */
const WEDNESDAY = new Date('2030-01-16T09:00:00Z');
const FRIDAY = new Date('2030-01-18T09:00:00Z');

describe('warnings before a week misses its minimum', () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let admin: string;
  let schoolId: string;
  let short: string;
  let atMinimum: string;
  let noMinimum: string;
  let now = WEDNESDAY;
  const people: Record<'editor' | 'supervisor' | 'viewer' | 'regionalEditor', { email: string; token: string; userId: string }> = {} as never;

  const publication = async (organizationId: string, channelId: string, at: string, status: 'published' | 'scheduled') => {
    const [author] = await server.db.dataSource.query('SELECT id FROM users LIMIT 1');
    const [post] = await server.db.dataSource.query(
      `INSERT INTO posts (organization_id, author_id, rubric, text, scheduled_at, status, content_hash) VALUES ($1, $2, 'useful', 'x', $3, $4, 'h') RETURNING id`,
      [organizationId, author.id, at, status],
    );
    await server.db.dataSource.query(`INSERT INTO publications (post_id, channel_id, platform, status, published_at) VALUES ($1, $2, 'vk', $3, $4)`, [post.id, channelId, status, status === 'published' ? at : null]);
  };
  const warningsOf = (channelId: string): Promise<{ user_id: string; title: string; body: string; email_state: string }[]> =>
    server.db.dataSource.query(`SELECT user_id, title, body, email_state FROM notifications WHERE kind = 'minimum_at_risk' AND channel_id = $1 ORDER BY user_id`, [channelId]);

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, NOTIFY_EMAIL_DELAY_SECONDS: '0' });
    server.app.get(DashboardClock).now = () => now;
    const setup = await setupRoot(server, 'Europe/Moscow');
    admin = setup.accessToken;
    const rootId = setup.user.memberships[0].organizationId;
    schoolId = (await createOrganization(server, admin, rootId, 'Школа № 1')).id;
    people.editor = await createMember(server, admin, schoolId, 'editor');
    people.supervisor = await createMember(server, admin, schoolId, 'supervisor');
    people.viewer = await createMember(server, admin, schoolId, 'viewer');
    people.regionalEditor = await createMember(server, admin, rootId, 'editor');
    short = await insertChannel(server, schoolId, 'vk', 'ВК школы');
    atMinimum = await insertChannel(server, schoolId, 'vk', 'Второй ВК школы');
    noMinimum = await insertChannel(server, schoolId, 'vk', 'Архив школы');
    for (const [channel, weeklyMinimum] of [[short, 3], [atMinimum, 2], [noMinimum, null]] as const) {
      await server.http.patch(`/api/v1/channels/${channel}`).set(bearer(admin)).send({ weeklyMinimum }).expect(200);
    }
    await publication(schoolId, short, '2030-01-14T07:00:00Z', 'published');
    await publication(schoolId, atMinimum, '2030-01-15T07:00:00Z', 'published');
    await publication(schoolId, atMinimum, '2030-01-19T07:00:00Z', 'scheduled');
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('waits while more than 2 whole days are left', async () => {
    now = WEDNESDAY;
    expect(await server.app.get(MinimumWarnings).tick()).toBe(0);
    expect(await warningsOf(short)).toEqual([]);
  });

  it('tells the page’s editors and supervisors once, in Russian, in the app and by e-mail', async () => {
    now = FRIDAY;
    expect(await server.app.get(MinimumWarnings).tick()).toBe(1);
    const told = await warningsOf(short);
    expect(told.map((n) => n.user_id).sort()).toEqual([people.editor.userId, people.supervisor.userId].sort());
    expect(told[0].title).toBe('Не хватает публикаций на неделе: «ВК школы»');
    expect(told[0].body).toContain('не наберёт недельный минимум — 3 публикации');
    expect(told[0].body).toContain('Неделя заканчивается: воскресенье, 20 января.');
    expect(told[0].body).toContain('запланируйте на эту неделю ещё 2 публикации');
    expect(told.every((n) => n.email_state === 'pending')).toBe(true);
    expect(await warningsOf(atMinimum)).toEqual([]);
    expect(await warningsOf(noMinimum)).toEqual([]);

    const inbox = (await server.http.get('/api/v1/notifications').set(bearer(people.editor.token)).expect(200)).body as NotificationPage;
    expect(inbox.items[0]).toMatchObject({ kind: 'minimum_at_risk', channelId: short, link: `/channels/${short}` });
    const viewerInbox = (await server.http.get('/api/v1/notifications').set(bearer(people.viewer.token)).expect(200)).body as NotificationPage;
    expect(viewerInbox.total).toBe(0);

    await server.app.get(EmailOutbox).tick();
    const letters = smtp.mails.filter((m) => readMail(m.data).subject === 'Не хватает публикаций на неделе: «ВК школы»');
    expect(letters.map((m) => m.to).flat().sort()).toEqual([people.editor.email, people.supervisor.email].sort());
    expect(readMail(letters[0].data).text).toContain('ещё 2 публикации');

    expect(await server.app.get(MinimumWarnings).tick()).toBe(0);
    expect(await warningsOf(short)).toHaveLength(2);
    const [record] = await server.db.dataSource.query(`SELECT week_start::text, shortfall, recipients FROM minimum_warnings WHERE channel_id = $1`, [short]);
    expect(record).toEqual({ week_start: '2030-01-14', shortfall: 2, recipients: 2 });
  });

  it('sends one warning when two replicas look at the same time', async () => {
    const late = await insertChannel(server, schoolId, 'telegram', 'Телеграм школы');
    await server.http.patch(`/api/v1/channels/${late}`).set(bearer(admin)).send({ weeklyMinimum: 1 }).expect(200);
    const replica = () =>
      new MinimumWarnings(server.app.get(DataSource), server.app.get<VestnikConfig>(VESTNIK_CONFIG), server.app.get(SchedulerRegistry), server.app.get(MinimumNotices), server.app.get(DashboardClock));
    const warned = await Promise.all([replica().tick(), replica().tick(), replica().tick()]);
    expect(warned.reduce((a, b) => a + b, 0)).toBe(1);
    const told = await warningsOf(late);
    expect(told).toHaveLength(2);
    expect(told[0].body).toContain('ещё 1 публикацию');
  });

  it('leaves a page no longer short alone, and warns of a region page through the nearest organization with people', async () => {
    const rootId = (await server.db.dataSource.query(`SELECT id FROM organizations WHERE parent_id IS NULL`))[0].id as string;
    const regional = await insertChannel(server, rootId, 'ok', 'ОК правительства');
    await server.http.patch(`/api/v1/channels/${regional}`).set(bearer(admin)).send({ weeklyMinimum: 1 }).expect(200);
    const quiet = await createOrganization(server, admin, schoolId, 'Кружок');
    const club = await insertChannel(server, quiet.id, 'vk', 'ВК кружка');
    await server.http.patch(`/api/v1/channels/${club}`).set(bearer(admin)).send({ weeklyMinimum: 1 }).expect(200);
    await publication(rootId, regional, '2030-01-18T10:00:00Z', 'scheduled');

    expect(await server.app.get(MinimumWarnings).tick()).toBe(1);
    expect(await warningsOf(regional)).toEqual([]);
    // The club has nobody of its own: the school's editor and supervisor plan its page.
    expect((await warningsOf(club)).map((n) => n.user_id).sort()).toEqual([people.editor.userId, people.supervisor.userId].sort());
  });

  it("the migration goes down (table and indexes gone) and comes back up", async () => {
    const migration = COORDINATION_SCHEMA.migrations.map((M) => new M()).find((m) => m.name === 'CoordinatorDashboard1766200000000');
    if (!migration) throw new Error('CoordinatorDashboard1766200000000 not registered');
    const objects = () =>
      server.db.dataSource.query(
        `SELECT to_regclass('minimum_warnings') IS NOT NULL AS warnings, to_regclass('publications_channel_published') IS NOT NULL AS published, to_regclass('publications_channel_open') IS NOT NULL AS open`,
      );
    const runner = server.db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await objects()).toEqual([{ warnings: false, published: false, open: false }]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await objects()).toEqual([{ warnings: true, published: true, open: true }]);
  });
});
