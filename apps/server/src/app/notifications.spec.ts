import { Logger } from '@nestjs/common';
import type { NotificationPage, NotificationView, PostView } from '@vestnik/contracts';
import { EmailOutbox } from '@vestnik/server/notifications';
import { PublicationEvent, PublishingEvents } from '@vestnik/server/publishing';
import { createMember, createOrganization, insertChannel, localDateTime } from '../testing/factories';
import { readMail, ReceivedMail, startFakeSmtp } from '../testing/fake-smtp';
import { bearer, ROOT_ADMIN, setupRoot, startTestServer, TestServer } from '../testing/test-server';

type Member = { token: string; userId: string; email: string };

/** A post drafted through the API by `author` for the given channels. */
async function draftPost(server: TestServer, author: string, organizationId: string, channelIds: string[], body: Record<string, unknown> = {}): Promise<PostView> {
  const res = await server.http.post('/api/v1/posts').set(bearer(author)).send({ organizationId, rubric: 'official', text: 'Приём граждан министром — в пятницу с **10:00**, кабинет 12.', channelIds, scheduledAt: localDateTime(3), ...body }).expect(201);
  return res.body as PostView;
}

/** The engine's event for the post's publication on `channelId`. */
function eventFor(post: PostView, channelId: string, status: PublicationEvent['status'], reason?: string): PublicationEvent {
  const pub = post.publications.find((p) => p.channelId === channelId);
  if (!pub) throw new Error(`no publication of ${post.id} on ${channelId}`);
  return { publicationId: pub.id, postId: post.id, channelId, organizationId: post.organizationId, platform: pub.platform, status, outcome: status === 'failed' ? 'rejected' : status, reason };
}

async function inbox(server: TestServer, token: string, query = ''): Promise<NotificationPage> {
  return (await server.http.get(`/api/v1/notifications${query}`).set(bearer(token)).expect(200)).body as NotificationPage;
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, ms = 15000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('notifications: who is told what, gathered, in the API', () => {
  let server: TestServer;
  let events: PublishingEvents;
  let admin: string;
  let adminId: string;
  let ministryId: string;
  let vk: string;
  let tg: string;
  let editor: Member;
  let supervisor: Member;
  let viewer: Member;
  let schoolAdmin: Member;
  let siblingSupervisor: Member;

  const unreadOf = async (token: string) => (await inbox(server, token, '?unread=true')).items;

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    adminId = setup.user.id;
    const rootId = setup.user.memberships[0].organizationId;
    ministryId = (await createOrganization(server, admin, rootId, 'Министерство образования')).id;
    const schoolId = (await createOrganization(server, admin, ministryId, 'Школа №3')).id;
    const siblingId = (await createOrganization(server, admin, rootId, 'Министерство спорта')).id;
    vk = await insertChannel(server, ministryId, 'vk', 'ВК министерства');
    tg = await insertChannel(server, ministryId, 'telegram', 'Телеграм министерства');
    editor = await createMember(server, admin, ministryId, 'editor');
    supervisor = await createMember(server, admin, ministryId, 'supervisor');
    viewer = await createMember(server, admin, ministryId, 'viewer');
    schoolAdmin = await createMember(server, admin, schoolId, 'admin');
    siblingSupervisor = await createMember(server, admin, siblingId, 'supervisor');
    events = server.app.get(PublishingEvents);
  });
  afterAll(() => server.close());
  afterEach(async () => {
    for (const token of [admin, editor.token, supervisor.token]) await server.http.post('/api/v1/notifications/read-all').set(bearer(token)).expect(200);
  });

  it('tells the author and the supervisors and admins up the tree about a failed publication, each once', async () => {
    const post = await draftPost(server, editor.token, ministryId, [vk, tg], { title: 'Приём граждан министром' });
    await events.publication(eventFor(post, vk, 'failed', 'Запись отклонена: слишком много ссылок'));

    const rows: { user_id: string; email_state: string }[] = await server.db.dataSource.query(`SELECT user_id, email_state FROM notifications WHERE post_id = $1`, [post.id]);
    expect(rows.map((r) => r.user_id).sort()).toEqual([adminId, editor.userId, supervisor.userId].sort());
    expect(rows.every((r) => r.email_state === 'none')).toBe(true);
    for (const outsider of [viewer, schoolAdmin, siblingSupervisor]) expect(await unreadOf(outsider.token)).toEqual([]);

    const [n] = await unreadOf(editor.token);
    expect(n).toMatchObject({ kind: 'publication_failed', postId: post.id, channelId: vk, organizationId: ministryId, channelCount: 1, link: `/posts/${post.id}`, readAt: null });
    expect(n.title).toBe('Не опубликовано: «Приём граждан министром»');
    expect(n.body).toContain('не вышла на странице «ВК министерства» (ВКонтакте)');
    expect(n.body).toContain('Причина: Запись отклонена: слишком много ссылок.');
    expect(n.body).toContain('«опубликовать снова»');
  });

  it('tells a supervisor who is also the author only once, and says what to do when unconfirmed or missed', async () => {
    const own = await draftPost(server, supervisor.token, ministryId, [vk, tg]);
    await events.publication(eventFor(own, tg, 'unconfirmed', 'Ответ площадки не получен'));
    await events.publication(eventFor(own, vk, 'missed', 'Не опубликовано вовремя'));
    const mine = await unreadOf(supervisor.token);
    expect(mine.map((n) => n.kind).sort()).toEqual(['publication_missed', 'publication_unconfirmed']);
    const unconfirmed = mine.find((n) => n.kind === 'publication_unconfirmed') as NotificationView;
    expect(unconfirmed.title).toBe('Не подтверждено, что вышло: «Приём граждан министром — в пятницу с 10:00…»');
    expect(unconfirmed.body).toContain('проверьте страницу и отметьте «опубликовано» или «опубликовать снова»');
    expect(unconfirmed.body).toContain('«Телеграм министерства» (Telegram)');
    expect((mine.find((n) => n.kind === 'publication_missed') as NotificationView).body).toContain('не вышла вовремя');
    expect(await unreadOf(editor.token)).toEqual([]);
  });

  it('stays silent about publications that went out or will be retried', async () => {
    const post = await draftPost(server, editor.token, ministryId, [vk]);
    await events.publication({ ...eventFor(post, vk, 'published'), latenessSeconds: 3 });
    await events.publication({ ...eventFor(post, vk, 'scheduled', 'Слишком много запросов'), outcome: 'rate_limited', errorCode: '6' });
    const [{ n }] = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE post_id = $1`, [post.id]);
    expect(n).toBe(0);
  });

  it('gathers a burst of failures of one post into one unread notification per person, counting pages', async () => {
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => insertChannel(server, ministryId, i % 2 ? 'vk' : 'ok', `Страница ${i + 1}`)));
    const post = await draftPost(server, editor.token, ministryId, many, { title: 'День открытых дверей' });
    await Promise.all(many.map((c) => events.publication(eventFor(post, c, 'failed', 'Нет прав на публикацию'))));
    await events.publication(eventFor(post, many[0], 'failed', 'Нет прав на публикацию'));

    for (const token of [editor.token, supervisor.token, admin]) {
      const items = await unreadOf(token);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'publication_failed', postId: post.id, channelCount: 12 });
      expect(items[0].body.split('\n')[0]).toBe('Запись «День открытых дверей» не опубликована в 12 каналах:');
      expect(items[0].body).toContain('— и ещё 7');
    }

    // Once read, the next failure starts a new notification.
    await server.http.post('/api/v1/notifications/read-all').set(bearer(editor.token)).expect(200);
    await events.publication(eventFor(post, many[1], 'failed', 'Нет прав на публикацию'));
    const [fresh] = await unreadOf(editor.token);
    expect(fresh).toMatchObject({ channelCount: 1 });
    expect(fresh.body).toContain('не вышла на странице «Страница 2»');
    expect((await unreadOf(supervisor.token))[0]).toMatchObject({ channelCount: 12 });
  });

  it('tells the supervisors and admins, not the editors, about a page needing attention, and gathers repeats', async () => {
    await events.channelNeedsAttention({ channelId: tg, organizationId: ministryId, reason: 'Бот исключён из канала' });
    await events.channelNeedsAttention({ channelId: tg, organizationId: ministryId, reason: 'Бот 777001:AAsecret-bot-token-0000000000 исключён' });
    expect(await unreadOf(editor.token)).toEqual([]);
    for (const token of [supervisor.token, admin]) {
      const items = await unreadOf(token);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'channel_needs_attention', channelId: tg, postId: null, link: `/channels/${tg}` });
      expect(items[0].title).toBe('Страница требует внимания: «Телеграм министерства»');
      expect(items[0].body).toContain('подключите её заново');
      expect(items[0].body).not.toContain('AAsecret');
    }
  });

  it('pages newest first with the unread count, marks one or all read, and hides other people\'s', async () => {
    const posts = [];
    for (const title of ['Первая', 'Вторая', 'Третья']) {
      const post = await draftPost(server, editor.token, ministryId, [vk], { title });
      await events.publication(eventFor(post, vk, 'failed', 'Ошибка площадки'));
      posts.push(post);
    }
    const page = await inbox(server, editor.token, '?limit=2&offset=0');
    expect(page).toMatchObject({ unread: 3, limit: 2, offset: 0 });
    expect(page.items.map((n) => n.title)).toEqual(['Не опубликовано: «Третья»', 'Не опубликовано: «Вторая»']);
    expect((await inbox(server, editor.token, '?limit=2&offset=2')).items.map((n) => n.title)).toEqual(['Не опубликовано: «Первая»', expect.any(String)]);

    const target = page.items[0];
    const read = (await server.http.post(`/api/v1/notifications/${target.id}/read`).set(bearer(editor.token)).expect(200)).body as NotificationView;
    expect(read.readAt).toEqual(expect.any(String));
    const unreadPage = await inbox(server, editor.token, '?unread=true');
    expect(unreadPage).toMatchObject({ unread: 2, total: 2 });
    expect(unreadPage.items.map((n) => n.id)).not.toContain(target.id);

    // Someone else's notification does not exist for the caller, and stays unread.
    const supervisorsOwn = (await unreadOf(supervisor.token))[0];
    await server.http.post(`/api/v1/notifications/${supervisorsOwn.id}/read`).set(bearer(editor.token)).expect(404);
    const malformed = await server.http.post('/api/v1/notifications/not-a-uuid/read').set(bearer(editor.token)).expect(400);
    expect(malformed.body.errors[0]).toMatchObject({ field: 'id', rule: 'isUUID' });
    expect((await unreadOf(supervisor.token)).map((n) => n.id)).toContain(supervisorsOwn.id);
    expect((await inbox(server, viewer.token)).items).toEqual([]);

    expect((await server.http.post('/api/v1/notifications/read-all').set(bearer(editor.token)).expect(200)).body).toEqual({ marked: 2 });
    expect(await inbox(server, editor.token, '?unread=true')).toMatchObject({ items: [], unread: 0, total: 0 });
    expect((await inbox(server, editor.token)).total).toBeGreaterThanOrEqual(3);
  });

  it('validates the query and needs a signed-in person', async () => {
    const bad = await server.http.get('/api/v1/notifications?unread=maybe&limit=0').set(bearer(editor.token)).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'unread']);
    await server.http.get('/api/v1/notifications').expect(401);
    await server.http.post('/api/v1/notifications/read-all').expect(401);
  });
});

describe('notifications: e-mail through SMTP', () => {
  const PASSWORD = 'smtp-p@ss-Секрет-42';
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let server: TestServer;
  let events: PublishingEvents;
  let admin: string;
  let orgId: string;
  let vk: string;
  let editor: Member;
  let supervisor: Member;
  const refusals = new Map<string, string[]>();
  const logged: string[] = [];

  const emailState = async (postId: string, userId: string) =>
    (await server.db.dataSource.query(`SELECT email_state, email_attempts, email_error FROM notifications WHERE post_id = $1 AND user_id = $2`, [postId, userId]))[0];

  beforeAll(async () => {
    for (const level of ['log', 'warn', 'error'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
    smtp = await startFakeSmtp((recipient) => refusals.get(recipient)?.shift() ?? null);
    server = await startTestServer({
      SMTP_URL: `smtp://vestnik:${encodeURIComponent(PASSWORD)}@127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'Вестник <vestnik@region.gov.ru>',
      VESTNIK_PUBLIC_URL: 'https://vestnik.region.gov.ru',
      VESTNIK_ROLES: 'api,worker',
      NOTIFY_EMAIL_POLL_MS: '100',
      NOTIFY_EMAIL_DELAY_SECONDS: '0',
    });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    orgId = setup.user.memberships[0].organizationId;
    vk = await insertChannel(server, orgId, 'vk', 'ВК области');
    editor = await createMember(server, admin, orgId, 'editor');
    supervisor = await createMember(server, admin, orgId, 'supervisor');
    events = server.app.get(PublishingEvents);
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    jest.restoreAllMocks();
  });

  it('mails each person told, with the subject, the text and a link to the post', async () => {
    const post = await draftPost(server, editor.token, orgId, [vk], { title: 'Отключение воды' });
    await events.publication(eventFor(post, vk, 'failed', 'Сообщество заблокировано'));
    await waitFor(() => smtp.mails.length >= 3, 'three letters');

    expect(smtp.mails.map((m) => m.to).flat().sort()).toEqual([ROOT_ADMIN.email, editor.email, supervisor.email].sort());
    const letter = smtp.mails.find((m) => m.to[0] === editor.email) as ReceivedMail;
    const { headers, subject, text } = readMail(letter.data);
    expect(subject).toBe('Не опубликовано: «Отключение воды»');
    expect(headers).toContain('From: =?UTF-8?');
    expect(headers).toContain('<vestnik@region.gov.ru>');
    expect(text).toContain('Запись «Отключение воды» не вышла на странице «ВК области» (ВКонтакте).');
    expect(text).toContain(`https://vestnik.region.gov.ru/posts/${post.id}`);
    expect(letter.data).toContain('Content-Type: text/html');
    const [notification] = (await inbox(server, editor.token)).items;
    expect(headers).toContain(`X-Vestnik-Notification: ${notification.id}`);
    await waitFor(async () => (await emailState(post.id, editor.userId)).email_state === 'sent', 'sent state');
    expect(smtp.auth[0]).toBe(`\0vestnik\0${PASSWORD}`);
  });

  it('retries a refused letter with backoff, gives up on a permanent refusal, and never logs the password', async () => {
    refusals.set(editor.email, ['451 4.3.0 mailbox busy, try later']);
    refusals.set(supervisor.email, [`550 5.1.1 no such user (auth ${PASSWORD})`]);
    const sentBefore = smtp.mails.length;
    const post = await draftPost(server, editor.token, orgId, [vk], { title: 'Ремонт дороги' });
    await events.publication(eventFor(post, vk, 'failed', 'Ошибка площадки'));

    // The attempt is counted when the letter is claimed; its error lands when the server has answered.
    await waitFor(async () => {
      const editorState = await emailState(post.id, editor.userId);
      return editorState.email_attempts === 1 && editorState.email_error !== null && (await emailState(post.id, supervisor.userId)).email_state === 'failed';
    }, 'first attempts');
    const busy = await emailState(post.id, editor.userId);
    expect(busy).toMatchObject({ email_state: 'pending', email_attempts: 1 });
    expect(busy.email_error).toContain('451');
    const [{ wait }] = await server.db.dataSource.query(`SELECT extract(epoch FROM email_next_at - now())::int AS wait FROM notifications WHERE post_id = $1 AND user_id = $2`, [post.id, editor.userId]);
    expect(wait).toBeGreaterThan(30);
    const refused = await emailState(post.id, supervisor.userId);
    expect(refused.email_error).toContain('550');
    expect(refused.email_error).not.toContain(PASSWORD);

    // The backoff has passed: the letter goes out.
    await server.db.dataSource.query(`UPDATE notifications SET email_next_at = now() WHERE post_id = $1 AND user_id = $2`, [post.id, editor.userId]);
    await waitFor(async () => (await emailState(post.id, editor.userId)).email_state === 'sent', 'the retried letter');
    const received = smtp.mails.slice(sentBefore).flatMap((m) => m.to);
    expect(received).toContain(editor.email);
    expect(received).not.toContain(supervisor.email);

    expect(logged.some((l) => l.includes('failed (attempt 1'))).toBe(true);
    expect(logged.some((l) => l.includes('giving up'))).toBe(true);
    expect(logged.join('\n')).not.toContain(PASSWORD);
    expect(logged.join('\n')).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('does not mail what the person has already read in the app', async () => {
    // Hold the outbox while the person reads the notification (a pass in flight finishes first).
    const outbox = server.app.get(EmailOutbox);
    const held = jest.spyOn(outbox, 'tick').mockResolvedValue(0);
    await new Promise((r) => setTimeout(r, 300));
    const post = await draftPost(server, editor.token, orgId, [vk], { title: 'Прочитано заранее' });
    await events.publication(eventFor(post, vk, 'failed', 'Ошибка'));
    const [n] = (await inbox(server, editor.token, '?unread=true')).items.filter((i) => i.postId === post.id);
    await server.http.post(`/api/v1/notifications/${n.id}/read`).set(bearer(editor.token)).expect(200);
    expect((await emailState(post.id, editor.userId)).email_state).toBe('none');
    expect((await emailState(post.id, supervisor.userId)).email_state).toBe('pending');

    held.mockRestore();
    await waitFor(async () => (await emailState(post.id, supervisor.userId)).email_state === 'sent', 'the supervisor\'s letter');
    expect((await emailState(post.id, editor.userId)).email_state).toBe('none');
  });
});
