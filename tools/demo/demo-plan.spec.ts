import 'reflect-metadata';
import { PLATFORMS, POST_STATUSES, RUBRICS } from '@vestnik/contracts';
import { DEMO_STATES, POSTS } from './demo-posts';
import { CHANNELS, FAILING_CHANNEL_KEY, ORGANIZATIONS, REGION } from './demo-region';
import { localTime } from './local-time';
import { stepsToState } from './post-steps';

describe('stepsToState: what a run still has to do with a post that exists', () => {
  it('takes a new draft the whole way to each state', () => {
    expect(stepsToState('draft', 'draft', false)).toEqual([]);
    expect(stepsToState('in_review', 'draft', false)).toEqual(['submit']);
    expect(stepsToState('scheduled', 'draft', false)).toEqual(['submit', 'approve']);
    expect(stepsToState('published', 'draft', false)).toEqual(['submit', 'approve', 'await']);
    expect(stepsToState('failed', 'draft', false)).toEqual(['submit', 'approve', 'await']);
    expect(stepsToState('rejected', 'draft', false)).toEqual(['submit', 'reject']);
    expect(stepsToState('resubmitted', 'draft', false)).toEqual(['submit', 'reject', 'revise', 'submit']);
    expect(stepsToState('cancelled', 'draft', false)).toEqual(['cancel']);
  });

  it('does nothing again on a second run, when every post is where the first left it', () => {
    const reached: Record<(typeof DEMO_STATES)[number], [(typeof POST_STATUSES)[number], boolean]> = {
      draft: ['draft', false],
      in_review: ['in_review', false],
      scheduled: ['scheduled', false],
      published: ['published', false],
      failed: ['failed', false],
      rejected: ['draft', true],
      resubmitted: ['in_review', true],
      cancelled: ['cancelled', false],
    };
    for (const state of DEMO_STATES) expect([state, stepsToState(state, ...reached[state])]).toEqual([state, []]);
  });

  it('finishes what an interrupted run started, from where it stopped', () => {
    expect(stepsToState('scheduled', 'in_review', false)).toEqual(['approve']);
    expect(stepsToState('published', 'scheduled', false)).toEqual(['await']);
    expect(stepsToState('rejected', 'in_review', false)).toEqual(['reject']);
    // Sent back, not yet corrected: only the correction and the second submission are left.
    expect(stepsToState('resubmitted', 'draft', true)).toEqual(['revise', 'submit']);
    expect(stepsToState('resubmitted', 'in_review', false)).toEqual(['reject', 'revise', 'submit']);
  });

  it('counts a post that went out on its own as where an approved post was headed', () => {
    expect(stepsToState('scheduled', 'published', false)).toEqual([]);
    expect(stepsToState('scheduled', 'publishing', false)).toEqual([]);
  });

  it('leaves alone a post a person moved off the path', () => {
    expect(stepsToState('scheduled', 'cancelled', false)).toBeNull();
    expect(stepsToState('published', 'cancelled', false)).toBeNull();
    expect(stepsToState('published', 'failed', false)).toBeNull();
    expect(stepsToState('draft', 'in_review', false)).toBeNull();
    expect(stepsToState('cancelled', 'published', false)).toBeNull();
  });
});

describe('the demo region', () => {
  const parentOf = new Map(ORGANIZATIONS.map((o) => [o.name, o.parent]));
  const within = (organization: string, ancestor: string): boolean => {
    for (let at: string | undefined = organization; at !== undefined; at = parentOf.get(at)) if (at === ancestor) return true;
    return false;
  };
  const channel = (key: string) => {
    const found = CHANNELS.find((c) => c.key === key);
    if (!found) throw new Error(`no channel ${key}`);
    return found;
  };

  it('has every organization under the regional centre, parents before children, names unique', () => {
    const seen = new Set([REGION.name]);
    for (const o of ORGANIZATIONS) {
      expect([o.name, seen.has(o.parent)]).toEqual([o.name, true]);
      seen.add(o.name);
    }
    expect(seen.size).toBe(ORGANIZATIONS.length + 1);
  });

  it('posts only to pages of the post organization and its subtree (the API refuses others)', () => {
    for (const post of POSTS) {
      for (const key of post.channels) expect([post.title, key, within(channel(key).organization, post.organization)]).toEqual([post.title, key, true]);
    }
  });

  it('covers every state, rubric and platform, with titles unique (a second run finds posts by title)', () => {
    expect(new Set(POSTS.map((p) => p.title)).size).toBe(POSTS.length);
    expect(new Set(POSTS.map((p) => p.state))).toEqual(new Set(DEMO_STATES));
    expect(new Set(POSTS.map((p) => p.rubric))).toEqual(new Set(RUBRICS));
    expect(new Set(CHANNELS.map((c) => c.platform))).toEqual(new Set(PLATFORMS));
    expect(new Set(CHANNELS.map((c) => c.key)).size).toBe(CHANNELS.length);
    for (const p of POSTS.filter((p) => p.state === 'rejected' || p.state === 'resubmitted')) expect([p.title, Boolean(p.rejection)]).toEqual([p.title, true]);
  });

  it('keeps the failing page out of the posts meant to be published, so the injected refusal hits only the failed one', () => {
    const published = POSTS.filter((p) => p.state === 'published');
    expect(published.filter((p) => p.channels.includes(FAILING_CHANNEL_KEY))).toEqual([]);
    expect(POSTS.filter((p) => p.state === 'failed').every((p) => p.channels.includes(FAILING_CHANNEL_KEY) && !p.images?.length)).toBe(true);
  });
});

describe('localTime', () => {
  it('counts days from today in the zone, not in UTC', () => {
    // 14:00 UTC on 3 December is already 01:00 on 4 December in Sakhalin (UTC+11).
    const now = new Date('2026-12-03T14:00:00Z');
    expect(localTime(0, '10:00', 'Asia/Sakhalin', now)).toBe('2026-12-04T10:00');
    expect(localTime(0, '10:00', 'Europe/Moscow', now)).toBe('2026-12-03T10:00');
    expect(localTime(-4, '09:30', 'Asia/Sakhalin', now)).toBe('2026-11-30T09:30');
    expect(localTime(28, '18:00', 'Asia/Sakhalin', now)).toBe('2027-01-01T18:00');
  });
});
