import type {
  ChannelView,
  InvitationCreated,
  InvitationView,
  LoginResponse,
  MediaView,
  MemberView,
  OrganizationView,
  PostCommentView,
  PostPage,
  PostView,
  SetupStatus,
} from '@vestnik/contracts';
import { drawImage } from './demo-images';
import type { Logins } from './demo-logins';
import { DemoPost, POSTS } from './demo-posts';
import { CHANNELS, FAILING_CHANNEL_KEY, ORGANIZATIONS, PEOPLE, REGION } from './demo-region';
import { localTime } from './local-time';
import { PostStep, stepsToState } from './post-steps';
import { VestnikClient } from './vestnik-client';

/** Posts that go out now are scheduled this far ahead: past the API's one-minute lead, with room for the calls. */
const SOON_MS = 90_000;
const PUBLISH_WAIT_MS = 5 * 60_000;

export interface SeedReport {
  organizations: { created: number; kept: number };
  people: { created: number; kept: number };
  channels: { created: number; kept: number };
  posts: { created: number; kept: number; advanced: number; leftAlone: string[] };
  byStatus: Record<string, number>;
}

type Say = (line: string) => void;

/**
 * Brings the server's data to the demo region through the public API, creating only what is not
 * there (recognised by name, e-mail, page name and post title), so every run may call it.
 */
export class DemoSeeder {
  private tokens = new Map<string, string>();
  private organizationIds = new Map<string, string>();
  private channelsByKey = new Map<string, ChannelView>();
  private adminCreated = false;

  constructor(
    private readonly api: VestnikClient,
    private readonly sandboxUrl: string,
    private readonly logins: Logins,
    private readonly say: Say,
  ) {}

  async seed(): Promise<SeedReport> {
    const report: SeedReport = {
      organizations: { created: 0, kept: 0 },
      people: { created: 0, kept: 0 },
      channels: { created: 0, kept: 0 },
      posts: { created: 0, kept: 0, advanced: 0, leftAlone: [] },
      byStatus: {},
    };
    const rootId = await this.setUp();
    await this.organizations(rootId, report);
    await this.people(rootId, report);
    await this.channels(rootId, report);
    await this.posts(rootId, report);
    return report;
  }

  /** First-run setup of the regional centre, or the admin's sign-in when it was done before. */
  private async setUp(): Promise<string> {
    const admin = person('admin');
    const status = await this.api.get<SetupStatus>('/setup');
    if (status.required) {
      this.say(`первоначальная настройка: ${REGION.name} (${REGION.timezone})`);
      const done = await this.api.post<LoginResponse>('/setup', { organization: REGION, admin: { email: admin.email, name: admin.name, password: this.password(admin.email) } });
      this.tokens.set('admin', done.accessToken);
      this.adminCreated = true;
    } else {
      this.tokens.set('admin', await this.signIn(admin.email));
    }
    const organizations = await this.as('admin').get<OrganizationView[]>('/organizations');
    const root = organizations.find((o) => o.parentId === null && o.name === REGION.name);
    if (!root) throw new Error(`В этой базе нет организации «${REGION.name}»: данные демо созданы не этим сценарием. Удалите папку демо, чтобы начать заново.`);
    return root.id;
  }

  private async organizations(rootId: string, report: SeedReport): Promise<void> {
    const admin = this.as('admin');
    const existing = await admin.get<OrganizationView[]>('/organizations');
    for (const o of existing) this.organizationIds.set(o.name, o.id);
    this.organizationIds.set(REGION.name, rootId);
    for (const o of ORGANIZATIONS) {
      if (this.organizationIds.has(o.name)) {
        report.organizations.kept++;
        continue;
      }
      const created = await admin.post<OrganizationView>('/organizations', { name: o.name, parentId: this.organizationId(o.parent) });
      this.organizationIds.set(o.name, created.id);
      report.organizations.created++;
    }
  }

  /** Each role invited into the regional centre and accepted with its password; all signed in. */
  private async people(rootId: string, report: SeedReport): Promise<void> {
    const admin = this.as('admin');
    const members = await admin.get<MemberView[]>(`/organizations/${rootId}/members`);
    for (const p of PEOPLE.filter((p) => p.role !== 'admin')) {
      if (members.some((m) => m.email === p.email)) {
        report.people.kept++;
        this.tokens.set(p.role, await this.signIn(p.email));
        continue;
      }
      // An invitation left by an interrupted run: its link was never kept, so it is revoked and sent anew.
      const pending = await admin.get<InvitationView[]>(`/organizations/${rootId}/invitations`);
      for (const stale of pending.filter((i) => i.email === p.email)) await admin.delete(`/organizations/${rootId}/invitations/${stale.id}`);
      const invited = await admin.post<InvitationCreated>(`/organizations/${rootId}/members`, { email: p.email, name: p.name, role: p.role, showLink: true });
      const link = invited.inviteUrl ?? '';
      const token = decodeURIComponent(link.slice(link.lastIndexOf('/invite/') + '/invite/'.length));
      if (!token) throw new Error(`Сервер не ответил ссылкой приглашения для ${p.email}`);
      const joined = await this.api.post<LoginResponse>(`/invitations/${token}/accept`, { name: p.name, password: this.password(p.email) });
      this.tokens.set(p.role, joined.accessToken);
      report.people.created++;
    }
    if (this.adminCreated) report.people.created++;
    else report.people.kept++;
  }

  /** Sandbox pages connected as a person would: pasted tokens for VK and OK, the bot token for Telegram. */
  private async channels(rootId: string, report: SeedReport): Promise<void> {
    const admin = this.as('admin');
    const existing = await admin.get<ChannelView[]>(`/channels?organizationId=${rootId}`);
    for (const c of CHANNELS) {
      let channel = existing.find((e) => e.platform === c.platform && e.name === c.name);
      if (channel) {
        report.channels.kept++;
      } else {
        channel = await admin.post<ChannelView>('/channels', { organizationId: this.organizationId(c.organization), platform: c.platform, name: c.name, target: c.target, credentials: c.credentials });
        report.channels.created++;
      }
      this.channelsByKey.set(c.key, channel);
    }
  }

  private async posts(rootId: string, report: SeedReport): Promise<void> {
    const existing = await this.allPosts(rootId);
    const awaited: PostView[] = [];
    for (const plan of POSTS) {
      let post = existing.find((p) => p.title === plan.title);
      if (post) report.posts.kept++;
      else {
        post = await this.create(plan);
        report.posts.created++;
      }
      const rejectedBefore = (plan.state === 'rejected' || plan.state === 'resubmitted') && post.status !== 'cancelled' ? await this.wasRejected(post.id) : false;
      const steps = stepsToState(plan.state, post.status, rejectedBefore);
      if (steps === null) {
        report.posts.leftAlone.push(`«${plan.title}»: ${post.status}`);
        continue;
      }
      if (steps.length > 0 && existing.includes(post)) report.posts.advanced++;
      try {
        for (const step of steps) {
          if (step === 'await') awaited.push(post);
          else post = await this.step(plan, post, step);
        }
      } catch (error) {
        report.posts.leftAlone.push(`«${plan.title}»: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (awaited.length > 0) await this.awaitWorker(awaited);
    for (const p of await this.allPosts(rootId)) report.byStatus[p.status] = (report.byStatus[p.status] ?? 0) + 1;
  }

  /** A new draft by the editor, with its images uploaded through the media API. */
  private async create(plan: DemoPost): Promise<PostView> {
    const editor = this.as('editor');
    const organizationId = this.organizationId(plan.organization);
    const mediaIds: string[] = [];
    for (const [i, kind] of (plan.images ?? []).entries()) {
      const media = await editor.upload<MediaView>(organizationId, `${kind}-${i + 1}.jpg`, 'image/jpeg', await drawImage(kind));
      mediaIds.push(media.id);
    }
    const goesOutNow = plan.state === 'published' || plan.state === 'failed';
    return editor.post<PostView>('/posts', {
      organizationId,
      rubric: plan.rubric,
      title: plan.title,
      text: plan.text,
      link: plan.link,
      mediaIds: mediaIds.length > 0 ? mediaIds : undefined,
      channelIds: plan.channels.map((key) => this.channel(key).id),
      scheduledAt: goesOutNow ? soon() : localTime(plan.day, plan.time, REGION.timezone),
    });
  }

  private async step(plan: DemoPost, post: PostView, step: Exclude<PostStep, 'await'>): Promise<PostView> {
    const goesOutNow = plan.state === 'published' || plan.state === 'failed';
    if (goesOutNow && (step === 'submit' || step === 'approve') && Date.parse(post.scheduledAt) < Date.now() + SOON_MS - 15_000) {
      // Left behind by an interrupted run: its minute has passed; the author moves it a little ahead.
      post = await this.as('editor').patch<PostView>(`/posts/${post.id}`, { scheduledAt: soon(), version: post.version });
    }
    switch (step) {
      case 'submit':
        return this.as('editor').post<PostView>(`/posts/${post.id}/submit`);
      case 'approve':
        if (plan.state === 'failed') await this.refuseNextPublication(plan);
        return this.as('supervisor').post<PostView>(`/posts/${post.id}/approve`);
      case 'reject':
        return this.as('supervisor').post<PostView>(`/posts/${post.id}/reject`, { comment: plan.rejection ?? 'Доработайте текст.' });
      case 'revise':
        return this.as('editor').patch<PostView>(`/posts/${post.id}`, { text: plan.correction ?? plan.text, version: post.version });
      case 'cancel':
        return this.as('editor').post<PostView>(`/posts/${post.id}/cancel`);
    }
  }

  /** The sandbox's fault injection: Telegram refuses the next message to the failing channel. */
  private async refuseNextPublication(plan: DemoPost): Promise<void> {
    const channel = this.channel(plan.channels.find((k) => k === FAILING_CHANNEL_KEY) ?? plan.channels[0]);
    const res = await fetch(`${this.sandboxUrl}/control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'telegram', kind: 'error', method: 'sendMessage', target: channel.remoteTargetId ?? channel.target, errorCode: 400, errorMessage: 'Bad Request: not enough rights to send text messages to the chat', times: 1 }),
    });
    if (!res.ok) throw new Error(`sandbox /control/faults → ${res.status} ${await res.text()}`);
  }

  /** Waits until the worker has sent each post (published, or failed as intended). */
  private async awaitWorker(posts: PostView[]): Promise<void> {
    const wanted = new Set(posts.map((p) => p.id));
    const latest = Math.max(...posts.map((p) => Date.parse(p.scheduledAt)));
    this.say(`ждём, пока воркер отправит в песочницу материалы: ${wanted.size} (около ${Math.max(0, Math.round((latest - Date.now()) / 1000))} с)…`);
    const deadline = Math.max(latest, Date.now()) + PUBLISH_WAIT_MS;
    while (wanted.size > 0) {
      for (const id of [...wanted]) {
        const post = await this.as('editor').get<PostView>(`/posts/${id}`);
        if (['published', 'partially_published', 'failed', 'cancelled'].includes(post.status)) wanted.delete(id);
      }
      if (wanted.size === 0) break;
      if (Date.now() > deadline) throw new Error(`воркер не отправил ${wanted.size} пост(ов) за ${PUBLISH_WAIT_MS / 60_000} мин. после их времени: см. журнал сервера`);
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }

  private async wasRejected(postId: string): Promise<boolean> {
    const comments = await this.as('editor').get<PostCommentView[]>(`/posts/${postId}/comments`);
    return comments.some((c) => c.kind === 'rejection');
  }

  private async allPosts(rootId: string): Promise<PostView[]> {
    const all: PostView[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.as('admin').get<PostPage>(`/posts?organizationId=${rootId}&limit=500&offset=${offset}`);
      all.push(...page.items);
      if (page.items.length < 500) return all;
    }
  }

  private async signIn(email: string): Promise<string> {
    return (await this.api.post<LoginResponse>('/auth/login', { email, password: this.password(email) })).accessToken;
  }

  private password(email: string): string {
    const password = this.logins[email];
    if (!password) throw new Error(`нет пароля для ${email} в папке демо`);
    return password;
  }

  private as(role: string): VestnikClient {
    const token = this.tokens.get(role);
    if (!token) throw new Error(`${role} is not signed in`);
    return this.api.as(token);
  }

  private organizationId(name: string): string {
    const id = this.organizationIds.get(name);
    if (!id) throw new Error(`организация «${name}» не найдена`);
    return id;
  }

  private channel(key: string): ChannelView {
    const channel = this.channelsByKey.get(key);
    if (!channel) throw new Error(`канал ${key} не подключён`);
    return channel;
  }
}

function person(role: string) {
  const found = PEOPLE.find((p) => p.role === role);
  if (!found) throw new Error(`no demo person for ${role}`);
  return found;
}

function soon(): string {
  return new Date(Date.now() + SOON_MS).toISOString();
}
