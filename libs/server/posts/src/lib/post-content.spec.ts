import { createHash } from 'node:crypto';
import { contentHash, postLevelProblems, postProblems } from './post-content';

const base = { rubric: 'official' as const, title: null, text: 'Приём граждан в пятницу', link: null, mediaIds: [] as string[], variants: {}, scheduledAt: new Date('2026-12-01T00:00:00Z') };

describe('contentHash', () => {
  it('changes with anything that goes out, and not with channel order', () => {
    const h = contentHash(base, ['a', 'b']);
    expect(contentHash(base, ['b', 'a'])).toBe(h);
    expect(contentHash({ ...base, text: base.text + '!' }, ['a', 'b'])).not.toBe(h);
    expect(contentHash({ ...base, variants: { telegram: { text: 'x' } } }, ['a', 'b'])).not.toBe(h);
    expect(contentHash({ ...base, scheduledAt: new Date('2026-12-01T00:01:00Z') }, ['a', 'b'])).not.toBe(h);
    expect(contentHash(base, ['a'])).not.toBe(h);
    expect(contentHash({ ...base, variants: { max: { text: 'x' } } }, ['a', 'b'])).not.toBe(h);
  });

  it('keeps the hash of a post approved before MAX existed (a post without a MAX text)', () => {
    const variants = { vk: { text: 'ВК' } };
    const before = createHash('sha256')
      .update(JSON.stringify([base.rubric, null, base.text, null, [], ['ВК', null, null], ['a', 'b'], base.scheduledAt.toISOString()]))
      .digest('hex');
    expect(contentHash({ ...base, variants }, ['b', 'a'])).toBe(before);
  });
});

describe('postProblems', () => {
  const tg = { id: 't1', name: 'Канал школы', platform: 'telegram' as const, state: 'active' };
  const vk = { id: 'v1', name: 'Группа школы', platform: 'vk' as const, state: 'active' };

  it('names the channel and the rule a platform would refuse', () => {
    const problems = postProblems({ ...base, text: 'я'.repeat(5000) }, [tg, vk], () => new Map());
    expect(problems).toEqual([expect.objectContaining({ channelId: 't1', platform: 'telegram', code: 'text_too_long', field: 'text' })]);
    expect(problems[0].message).toContain('Канал школы');
  });

  it('checks a platform variant instead of the common text, and reports disabled channels', () => {
    const problems = postProblems({ ...base, variants: { telegram: { text: 'я'.repeat(5000) } } }, [{ ...tg, state: 'disabled' }], () => new Map());
    expect(problems.map((p) => `${p.code}:${p.field}`)).toEqual(['channel_disabled:channelIds', 'text_too_long:variants.telegram.text']);
  });
});

describe('postLevelProblems', () => {
  it('reports a post without channels or with a passed time as its own, naming no platform', () => {
    const problems = postLevelProblems(base, 0, new Date('2026-12-01T00:00:01Z'));
    expect(problems.map((p) => `${p.code}:${p.field}`)).toEqual(['no_channels:channelIds', 'scheduled_in_past:scheduledAt']);
    expect(problems.every((p) => p.platform === null && p.channelId === null && p.channelName === null)).toBe(true);
  });

  it('has nothing to say about a post with channels and time to spare', () => {
    expect(postLevelProblems(base, 2, new Date('2026-11-30T23:59:00Z'))).toEqual([]);
  });
});
