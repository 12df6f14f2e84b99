import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  POST_STATES,
  POST_TRANSITIONS,
  PUBLICATION_STATES,
  PUBLICATION_TRANSITIONS,
  publicationPhaseOf,
  publicationStatusOf,
  type PostStatus,
  type PostTransitionName,
  type PublicationState,
  type PublicationTransitionName,
} from '@vestnik/contracts';
import {
  claimPublications,
  claimReconciliations,
  createPost,
  createPublications,
  movePosts,
  movePublications,
  movesByPost,
  summarisePosts,
  type MovableBy,
  type PublicationMove,
} from '@vestnik/server/posts';
import { insertChannel } from '../testing/factories';
import { setupRoot, startTestServer, TestServer } from '../testing/test-server';

const WORKER = 'lifecycle-spec-worker';
const TOKEN = 7;

interface Row {
  id: string;
  post_id: string;
  status: string;
  phase: string | null;
  claimed_by: string | null;
  claim_token: number;
}

/**
 * The declared lifecycles against the real database: every declared transition applies from each
 * of its `from` states and from no other; the claim and the lease fence the engine's writes.
 */
describe('lifecycle writer: every declared transition, and nothing else', () => {
  let server: TestServer;
  let orgId: string;
  let authorId: string;
  let channelId: string;

  const tx = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => server.db.dataSource.transaction(work);
  const sql = (text: string, params: unknown[] = []) => server.db.dataSource.query(text, params);

  const newPost = async (status: PostStatus = 'scheduled'): Promise<string> => {
    const [{ id }] = await sql(
      `INSERT INTO posts (organization_id, author_id, rubric, text, scheduled_at, status, content_hash) VALUES ($1, $2, 'useful', 'Текст', now() + interval '1 hour', $3, $4) RETURNING id`,
      [orgId, authorId, status, randomBytes(4).toString('hex')],
    );
    return id;
  };

  /** A publication put straight into `state`: claimed by WORKER with TOKEN when publishing, its lease run out or not. */
  const newPublication = async (state: PublicationState, lease: 'running' | 'expired' = 'running', claimed = true): Promise<Row> => {
    const postId = await newPost();
    const phase = publicationPhaseOf(state);
    const holder = phase && claimed ? WORKER : null;
    const [row] = await sql(
      `INSERT INTO publications (post_id, channel_id, platform, status, phase, claimed_by, claim_token, lease_until, next_attempt_at)
       VALUES ($1, $2, 'vk', $3, $4, $5, $6, CASE WHEN $5::text IS NULL THEN NULL WHEN $7 THEN now() - interval '1 minute' ELSE now() + interval '1 hour' END, now() - interval '1 second')
       RETURNING id, post_id, status, phase, claimed_by, claim_token`,
      [postId, channelId, publicationStatusOf(state), phase, holder, TOKEN, lease === 'expired'],
    );
    return row;
  };
  const reread = async (id: string): Promise<Row> => (await sql(`SELECT id, post_id, status, phase, claimed_by, claim_token FROM publications WHERE id = $1`, [id]))[0];
  const stateOf = (r: Row): string => (r.phase ? `${r.status}:${r.phase}` : r.status);

  const moveOf = (name: MovableBy, row: Row, claim = { token: TOKEN, worker: WORKER }): PublicationMove => ({
    id: movesByPost(name) ? row.post_id : row.id,
    claim,
    nextAttemptAt: new Date(),
    reason: 'Причина',
    code: 'spec',
    remoteId: 'r-1',
    url: 'https://example.test/1',
    leaseMs: 60_000,
  });

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    orgId = setup.user.memberships[0].organizationId;
    authorId = setup.user.id;
    channelId = await insertChannel(server, orgId, 'vk');
  });
  afterAll(() => server.close());

  const movable = (Object.keys(PUBLICATION_TRANSITIONS) as PublicationTransitionName[]).filter(
    (n): n is MovableBy => n !== 'create' && n !== 'claim' && n !== 'claim_reconciliation',
  );

  describe.each(movable)('publication transition %s', (name) => {
    const transition = PUBLICATION_TRANSITIONS[name];
    const from: readonly PublicationState[] = transition.from;
    const lease = transition.by === 'lease' ? 'expired' : 'running';

    it.each([...PUBLICATION_STATES])('from %s', async (state) => {
      const row = await newPublication(state, lease);
      const moved = await tx((m) => movePublications(m, name, [moveOf(name, row)]));
      const after = await reread(row.id);
      if (from.includes(state)) {
        expect(moved.map((r) => r.id)).toEqual([row.id]);
        expect(stateOf(after)).toBe(transition.to);
      } else {
        expect(moved).toEqual([]);
        expect(after).toEqual(row);
      }
    });
  });

  const fromOf = (n: MovableBy): readonly PublicationState[] => PUBLICATION_TRANSITIONS[n].from;
  const fenced = movable.filter((n) => PUBLICATION_TRANSITIONS[n].by !== 'lease' && fromOf(n).some((s) => s.startsWith('publishing:')));

  it.each(fenced)('%s changes nothing for a claim that was taken back (another token or worker)', async (name) => {
    const [state] = fromOf(name);
    for (const claim of [{ token: TOKEN - 1, worker: WORKER }, { token: TOKEN, worker: 'another-worker' }]) {
      const row = await newPublication(state);
      expect(await tx((m) => movePublications(m, name, [moveOf(name, row, claim)]))).toEqual([]);
      expect(await reread(row.id)).toEqual(row);
    }
  });

  const byLease = movable.filter((n) => PUBLICATION_TRANSITIONS[n].by === 'lease');

  it.each(byLease)('%s takes back only a claim whose lease ran out, bumping its token', async (name) => {
    const [state] = fromOf(name);
    const running = await newPublication(state, 'running');
    expect(await tx((m) => movePublications(m, name, [moveOf(name, running)]))).toEqual([]);
    const expired = await newPublication(state, 'expired');
    await tx((m) => movePublications(m, name, [moveOf(name, expired)]));
    expect(await reread(expired.id)).toMatchObject({ claimed_by: null, claim_token: TOKEN + 1 });
  });

  it('claim: takes scheduled publications only, for the worker, with a new token', async () => {
    const rows = await Promise.all(PUBLICATION_STATES.map((s) => newPublication(s, 'running', false)));
    const claimed = await tx((m) => claimPublications(m, { worker: WORKER, leaseMs: 60_000, limit: rows.length, ids: rows.map((r) => r.id) }));
    const scheduled = rows.filter((r) => r.status === 'scheduled');
    expect(claimed.map((c) => c.id)).toEqual(scheduled.map((r) => r.id));
    expect(await reread(scheduled[0].id)).toMatchObject({ status: 'publishing', phase: 'claimed', claimed_by: WORKER, claim_token: TOKEN + 1 });
    for (const r of rows.filter((x) => x.status !== 'scheduled')) expect(await reread(r.id)).toEqual(r);
  });

  it('claim_reconciliation: takes unclaimed reconciling publications only, keeping their state', async () => {
    const rows = await Promise.all(PUBLICATION_STATES.map((s) => newPublication(s, 'running', false)));
    const held = await newPublication('publishing:reconciling', 'running', true);
    const claimed = await tx((m) => claimReconciliations(m, { worker: WORKER, leaseMs: 60_000, limit: 50, ids: [...rows, held].map((r) => r.id) }));
    const reconciling = rows.filter((r) => r.phase === 'reconciling');
    expect(claimed.map((c) => c.id)).toEqual(reconciling.map((r) => r.id));
    expect(await reread(reconciling[0].id)).toMatchObject({ status: 'publishing', phase: 'reconciling', claimed_by: WORKER, claim_token: TOKEN + 1 });
    expect(await reread(held.id)).toEqual(held);
  });

  it('create: one pending publication per target channel, never a second', async () => {
    const postId = await newPost('draft');
    const target = { id: channelId, platform: 'vk' as const };
    await tx((m) => createPublications(m, postId, [target]));
    await tx((m) => createPublications(m, postId, [target]));
    const rows = await sql(`SELECT status FROM publications WHERE post_id = $1`, [postId]);
    expect(rows).toEqual([{ status: PUBLICATION_TRANSITIONS.create.to }]);
  });

  const postMoves = (Object.keys(POST_TRANSITIONS) as PostTransitionName[]).filter((n): n is Exclude<PostTransitionName, 'create'> => n !== 'create');

  describe.each(postMoves)('post transition %s', (name) => {
    const from: readonly PostStatus[] = POST_TRANSITIONS[name].from;
    it.each([...POST_STATES])('from %s', async (status) => {
      const id = await newPost(status);
      const moved = await tx((m) => movePosts(m, name, [id]));
      const [after] = await sql(`SELECT status FROM posts WHERE id = $1`, [id]);
      expect(moved).toEqual(from.includes(status) ? [id] : []);
      expect(after.status).toBe(from.includes(status) ? POST_TRANSITIONS[name].to : status);
    });
  });

  it('post create: a draft', async () => {
    const post = await tx((m) => createPost(m, { organizationId: orgId, authorId, rubric: 'useful', text: 'Черновик', scheduledAt: new Date(), contentHash: 'h' }));
    expect((await sql(`SELECT status FROM posts WHERE id = $1`, [post.id]))[0].status).toBe(POST_TRANSITIONS.create.to);
  });

  it('summing up: waits while a publication is open; then published, partially published or failed', async () => {
    const withPublications = async (states: PublicationState[]): Promise<string> => {
      const postId = await newPost('publishing');
      for (const state of states) {
        const channel = await insertChannel(server, orgId, 'vk');
        await sql(`INSERT INTO publications (post_id, channel_id, platform, status, phase) VALUES ($1, $2, 'vk', $3, $4)`, [postId, channel, publicationStatusOf(state), publicationPhaseOf(state)]);
      }
      return postId;
    };
    const open = await withPublications(['published', 'publishing:reconciling']);
    const all = await withPublications(['published', 'cancelled']);
    const some = await withPublications(['published', 'unconfirmed']);
    const none = await withPublications(['failed', 'missed']);
    const summed = await tx((m) => summarisePosts(m, [open, all, some, none]));
    expect(Object.fromEntries([open, all, some, none].map((id, i) => [i, summed.get(id) ?? null]))).toEqual({ 0: null, 1: 'published', 2: 'partially_published', 3: 'failed' });
  });
});
