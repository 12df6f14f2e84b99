import type { ChannelDescriptor } from '@vestnik/platforms/core';

const ADMIN = { email: 'bench-admin@example.ru', password: 'бенчмарк-пароль-1', name: 'Администратор бенчмарка' };
const SUPERVISOR = { email: 'bench-supervisor@example.ru', password: 'бенчмарк-пароль-2', name: 'Руководитель бенчмарка' };

/** The few API calls the benchmark needs, as an editor would make them. */
export class VestnikApi {
  constructor(private readonly baseUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** First-run setup and a second person to approve (four eyes): answers both tokens and the organization. */
  async people(): Promise<{ admin: string; supervisor: string; organizationId: string }> {
    const setup = await this.call<{ accessToken: string; user: { memberships: { organizationId: string }[] } }>('POST', '/setup', {
      organization: { name: 'Правительство области', timezone: 'Europe/Moscow' },
      admin: ADMIN,
    });
    const organizationId = setup.user.memberships[0].organizationId;
    // The supervisor joins by invitation: the link is answered (showLink), the password set on acceptance.
    const invited = await this.call<{ inviteUrl: string }>('POST', `/organizations/${organizationId}/members`, { email: SUPERVISOR.email, name: SUPERVISOR.name, role: 'supervisor', showLink: true }, setup.accessToken);
    const token = invited.inviteUrl.split('/invite/')[1];
    const joined = await this.call<{ accessToken: string }>('POST', `/invitations/${token}/accept`, { name: SUPERVISOR.name, password: SUPERVISOR.password });
    return { admin: setup.accessToken, supervisor: joined.accessToken, organizationId };
  }

  /** Connects every channel (the platform verifies each), `parallel` at a time; answers their ids in order. */
  async connect(token: string, organizationId: string, channels: ChannelDescriptor[], parallel: number): Promise<string[]> {
    const ids: string[] = new Array(channels.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < channels.length; i = next++) {
        const c = channels[i];
        ids[i] = (await this.call<{ id: string }>('POST', '/channels', { organizationId, name: `Канал ${i}`, platform: c.platform, target: c.target, credentials: c.credentials }, token)).id;
      }
    };
    await Promise.all(Array.from({ length: parallel }, lane));
    return ids;
  }

  /** A post to these channels, written, submitted and approved; answers its id. */
  async approvedPost(people: { admin: string; supervisor: string; organizationId: string }, channelIds: string[], text: string): Promise<string> {
    const tomorrow = `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T10:00`;
    const post = await this.call<{ id: string }>('POST', '/posts', { organizationId: people.organizationId, rubric: 'official', text, channelIds, scheduledAt: tomorrow }, people.admin);
    await this.call('POST', `/posts/${post.id}/submit`, {}, people.admin);
    await this.call('POST', `/posts/${post.id}/approve`, {}, people.supervisor);
    return post.id;
  }
}
