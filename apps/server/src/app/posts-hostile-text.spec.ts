import * as rules from '@vestnik/platforms/rules';
import type { Page, PostView } from '@vestnik/contracts';
import { createOrganization, insertChannel, localDateTime } from '../testing/factories';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

// Counts validations (each parses the text once) without changing what they answer.
jest.mock('@vestnik/platforms/rules', () => {
  const actual = jest.requireActual<typeof import('@vestnik/platforms/rules')>('@vestnik/platforms/rules');
  return { ...actual, validateForPlatform: jest.fn(actual.validateForPlatform) };
});

/**
 * Texts that took the old markdown parser from seconds to forever: saved before the linear
 * parser, they must not block listing. They are written straight into the database, past the API.
 */
const HOSTILE = {
  starsShort: '** *x'.repeat(27),
  starsLong: '** *x'.repeat(3000),
  parens: 'http://a/' + ')'.repeat(20_000),
};

describe('posts saved with hostile markdown before the linear parser', () => {
  let server: TestServer;
  let organizationId: string;
  let admin: string;
  const channels: { id: string; name: string; platform: 'vk' | 'ok' | 'telegram' }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    organizationId = (await createOrganization(server, admin, setup.user.memberships[0].organizationId, 'Министерство связи')).id;
    for (const platform of ['vk', 'vk', 'vk', 'ok', 'ok', 'telegram', 'telegram', 'telegram', 'telegram'] as const) {
      const name = `${platform} ${channels.length + 1}`;
      channels.push({ id: await insertChannel(server, organizationId, platform, name), name, platform });
    }
  });
  afterAll(() => server.close());

  const storeDirectly = async (text: string): Promise<string> => {
    const body = { organizationId, rubric: 'official', text: 'Черновик', channelIds: channels.map((c) => c.id), scheduledAt: localDateTime(3) };
    const post = (await server.http.post('/api/v1/posts').set(bearer(admin)).send(body).expect(201)).body as PostView;
    await server.db.dataSource.query('UPDATE posts SET text = $1 WHERE id = $2', [text, post.id]);
    return post.id;
  };

  it('lists them with the right problems, validating each post once per platform, not per channel', async () => {
    const ids = {
      starsShort: await storeDirectly(HOSTILE.starsShort),
      starsLong: await storeDirectly(HOSTILE.starsLong),
      parens: await storeDirectly(HOSTILE.parens),
    };
    const validate = jest.mocked(rules.validateForPlatform);
    validate.mockClear();

    const page = (await server.http.get('/api/v1/posts').query({ organizationId }).set(bearer(admin)).expect(200)).body as Page<PostView>;

    expect(validate).toHaveBeenCalledTimes(3 * 3);
    const byId = new Map(page.items.map((p) => [p.id, p]));
    expect(page.total).toBe(3);
    const problemsOf = (id: string) => (byId.get(id)?.problems ?? []).map((p) => `${p.channelName}: ${p.code}`).sort();
    const named = (platforms: string[]) => channels.filter((c) => platforms.includes(c.platform)).map((c) => `${c.name}: text_too_long`).sort();

    // 135 characters, 83 visible ('** ' + 'x* ' × 25 + 'x* *x'): fits everywhere.
    expect(byId.get(ids.starsShort)?.text).toBe(HOSTILE.starsShort);
    expect(problemsOf(ids.starsShort)).toEqual([]);
    // 9,002 visible characters: over Telegram's 4,096, under OK's 10,000 and VK's 15,895.
    expect(byId.get(ids.starsLong)?.text).toBe(HOSTILE.starsLong);
    expect(problemsOf(ids.starsLong)).toEqual(named(['telegram']));
    expect(byId.get(ids.starsLong)?.problems[0].message).toContain('4096');
    // The URL keeps none of the 20,000 ')': 20,009 characters, too long for every platform.
    expect(byId.get(ids.parens)?.text).toBe(HOSTILE.parens);
    expect(problemsOf(ids.parens)).toEqual(named(['vk', 'ok', 'telegram']));
  });

  it('opens one of them by id the same way', async () => {
    const page = (await server.http.get('/api/v1/posts').query({ organizationId }).set(bearer(admin)).expect(200)).body as Page<PostView>;
    const long = page.items.find((p) => p.text === HOSTILE.starsLong);
    const validate = jest.mocked(rules.validateForPlatform);
    validate.mockClear();
    const one = (await server.http.get(`/api/v1/posts/${long?.id}`).set(bearer(admin)).expect(200)).body as PostView;
    expect(validate).toHaveBeenCalledTimes(3);
    expect(one.problems).toEqual(long?.problems);
  });
});
