import { randomBytes } from 'node:crypto';
import type { ChannelView, PostView } from '@vestnik/contracts';
import { PublishingWorker } from '@vestnik/server/publishing';
import { createMember, localDateTime } from '../testing/factories';
import { startSandboxProcess, SandboxProcess } from '../testing/sandbox-process';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

const BOT = 'max-bot-token-sovet-0001';
const READER_BOT = 'max-bot-token-reader-0002';

/**
 * MAX, the fourth platform, through the server as a person uses it: the channel is connected by
 * its bot's token and checked on MAX, a post with a MAX text of its own is approved and the worker
 * publishes it as MAX HTML; a lost answer is looked up in the channel before anyone is asked.
 */
describe('MAX channels', () => {
  let sandbox: SandboxProcess;
  let server: TestServer;
  let admin: string;
  let rootId: string;
  let supervisor: string;
  let channel: ChannelView;
  let worker: PublishingWorker;

  type MaxPost = { id: string; text: string; raw: string; format: string | null };
  const feed = async (target: string) => ((await (await fetch(`${sandbox.url}/control/posts/max/${encodeURIComponent(target)}`)).json()) as { posts: MaxPost[] }).posts;
  const publication = async (postId: string) => (await server.db.dataSource.query(`SELECT * FROM publications WHERE post_id = $1`, [postId]))[0];
  const approvedDue = async (body: Record<string, unknown>): Promise<PostView> => {
    const created = await server.http.post('/api/v1/posts').set(bearer(admin)).send({ organizationId: rootId, rubric: 'useful', channelIds: [channel.id], scheduledAt: localDateTime(1), ...body }).expect(201);
    await server.http.post(`/api/v1/posts/${created.body.id}/submit`).set(bearer(admin)).expect(200);
    await server.http.post(`/api/v1/posts/${created.body.id}/approve`).set(bearer(supervisor)).expect(200);
    await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1`, [created.body.id]);
    return created.body;
  };

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    await sandbox.control('/seed', {
      max: {
        bots: [
          { token: BOT, user_id: 9001, name: 'Совет бот', username: 'sovet_bot' },
          { token: READER_BOT, user_id: 9002, name: 'Читатель', username: 'reader_bot' },
        ],
        chats: [
          {
            chat_id: -72000001,
            type: 'channel',
            title: 'Совет депутатов',
            link: 'sovet_news',
            members: [
              { user_id: 9001, is_admin: true },
              { user_id: 9002, is_admin: true, permissions: ['read_all_messages'] },
            ],
          },
        ],
        attachmentReadyMs: 0,
      },
    });
    await sandbox.control('/rate-limits', { enabled: false }, 'PUT');
    server = await startTestServer(sandbox.env);
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
    supervisor = (await createMember(server, admin, rootId, 'supervisor')).token;
    worker = server.app.get(PublishingWorker);
  });
  afterEach(() => sandbox.control('/faults', undefined, 'DELETE'));
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  it('connects a channel by its link and bot token, and names what is wrong with a bot that may not write', async () => {
    const refused = await server.http
      .post('/api/v1/channels')
      .set(bearer(admin))
      .send({ organizationId: rootId, platform: 'max', name: 'Совет в MAX', target: '@sovet_news', credentials: { botToken: READER_BOT } })
      .expect(422);
    expect(JSON.stringify(refused.body)).toMatch(/write|публикац/i);
    expect(JSON.stringify(refused.body)).not.toContain(READER_BOT);

    const missing = await server.http.post('/api/v1/channels').set(bearer(admin)).send({ organizationId: rootId, platform: 'max', name: 'Совет', target: 'sovet_news', credentials: {} }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'credentials.botToken', rule: 'isNotEmpty' })]);

    const created = await server.http
      .post('/api/v1/channels')
      .set(bearer(admin))
      .send({ organizationId: rootId, platform: 'max', name: 'Совет в MAX', target: '@sovet_news', credentials: { botToken: BOT } })
      .expect(201);
    channel = created.body;
    expect(channel).toMatchObject({ platform: 'max', health: { state: 'active' } });
    expect(JSON.stringify(channel)).not.toContain(BOT);
  });

  it('publishes the MAX text of a post as MAX HTML, with the message id and link MAX gives', async () => {
    const mark = randomBytes(3).toString('hex');
    const post = await approvedDue({ text: `Общий текст ${mark}`, variants: { max: { text: `**Приём** граждан <в пятницу> ${mark}` } } });
    await worker.tick();
    const pub = await publication(post.id);
    const [message] = (await feed('sovet_news')).filter((m) => m.text.includes(mark));
    expect(message).toMatchObject({ format: 'html', raw: `<b>Приём</b> граждан &lt;в пятницу&gt; ${mark}`, text: `Приём граждан <в пятницу> ${mark}` });
    expect(pub).toMatchObject({ status: 'published', remote_id: message.id, attempts: 1 });
    expect(pub.url).toContain(message.id);
  });

  it('a lost answer is found in the channel and published with its message, not sent twice', async () => {
    const post = await approvedDue({ text: `Объявление ${randomBytes(3).toString('hex')}` });
    await sandbox.control('/faults', { platform: 'max', kind: 'drop_after_store', method: 'POST /messages' });
    await worker.tick();
    expect(await publication(post.id)).toMatchObject({ status: 'publishing', phase: 'reconciling' });
    for (let i = 0; i < 6 && (await publication(post.id)).status === 'publishing'; i++) {
      await server.db.dataSource.query(
        `UPDATE publications SET next_attempt_at = now(), sent_at = sent_at - interval '1 minute', first_sent_at = first_sent_at - interval '1 minute' WHERE post_id = $1`,
        [post.id],
      );
      await worker.tick();
    }
    const matching = (await feed('sovet_news')).filter((m) => m.text === post.text);
    expect(matching).toHaveLength(1);
    expect(await publication(post.id)).toMatchObject({ status: 'published', remote_id: matching[0].id, attempts: 1 });
  });
});
