import * as rules from '@vestnik/platforms/rules';
import { postProblems } from './post-content';

// Counts validations (each parses the text once) without changing what they answer.
jest.mock('@vestnik/platforms/rules', () => {
  const actual = jest.requireActual<typeof import('@vestnik/platforms/rules')>('@vestnik/platforms/rules');
  return { ...actual, validateForPlatform: jest.fn(actual.validateForPlatform) };
});

describe('postProblems on many channels', () => {
  it('validates (and parses) the content once per platform, and still names every channel', () => {
    const platforms = ['vk', 'ok', 'telegram'] as const;
    const channels = Array.from({ length: 120 }, (_, i) => ({ id: `c${i}`, name: `Канал ${i}`, platform: platforms[i % 3], state: 'active' }));
    const post = { text: 'я'.repeat(5000), link: null, mediaIds: [], variants: {} };

    const problems = postProblems(post, channels, () => new Map());

    expect(jest.mocked(rules.validateForPlatform).mock.calls.map(([platform]) => platform).sort()).toEqual(['ok', 'telegram', 'vk']);
    expect(problems.map((p) => p.channelId)).toEqual(channels.filter((c) => c.platform === 'telegram').map((c) => c.id));
    expect(problems.every((p) => p.code === 'text_too_long' && p.message.startsWith(`${p.channelName}: `))).toBe(true);
  });
});
