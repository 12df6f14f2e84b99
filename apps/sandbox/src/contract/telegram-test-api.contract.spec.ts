import TelegramServer from 'telegram-test-api';
import { TelegramAdapter } from '@vestnik/platforms/telegram';
import { closedPortUrl } from './contract-kit';

/**
 * An independent check: the Telegram adapter's text posts against `telegram-test-api`, an emulator
 * someone else wrote. It models private chats only (no channels, no getChat/getChatMember, no
 * HTML validation), so the posts go to a numeric chat id and we assert what the bot sent.
 */
describe('TelegramAdapter against telegram-test-api', () => {
  const token = '777000:AAH-independent-check';
  const chatId = '4242';
  let server: TelegramServer;
  let tg: TelegramAdapter;
  const channel = { platform: 'telegram' as const, target: chatId, credentials: { botToken: token } };
  const sent = () => server.getUpdatesHistory(token).map((u) => ('message' in u ? u.message : {}) as unknown as Record<string, unknown>);

  beforeAll(async () => {
    // Its config treats port 0 as "use 9000", so we pick a free port ourselves.
    const port = Number(new URL(await closedPortUrl()).port);
    server = new TelegramServer({ port, host: '127.0.0.1' });
    await server.start();
    tg = new TelegramAdapter({ apiUrl: server.config.apiURL, timeoutMs: 3000 });
  });
  afterAll(() => server.stop());

  it('sends a plain text post with parse_mode HTML', async () => {
    const outcome = await tg.publish(channel, { text: 'Добрый день, жители района', images: [] }, { publicationId: 'i-1', images: [] });
    expect(outcome).toMatchObject({ status: 'published', remoteId: expect.stringMatching(/^4242:t\d+$/) });
    expect(sent().at(-1)).toMatchObject({ chat_id: 4242, text: 'Добрый день, жители района', parse_mode: 'HTML' });
  });

  it('sends formatted text with exact HTML escaping and the link preview', async () => {
    const content = { text: '**Сроки**: 1 < 2 & 3 > 2 — [порядок](https://gov.ru/p?a=1&b=2)', images: [], link: 'https://gov.ru/p?a=1&b=2' };
    const outcome = await tg.publish(channel, content, { publicationId: 'i-2', images: [] });
    expect(outcome.status).toBe('published');
    expect(sent().at(-1)).toMatchObject({
      text: '<b>Сроки</b>: 1 &lt; 2 &amp; 3 &gt; 2 — <a href="https://gov.ru/p?a=1&amp;b=2">порядок</a>',
      parse_mode: 'HTML',
      link_preview_options: { url: 'https://gov.ru/p?a=1&b=2' },
    });
  });

  it('edits and removes a text post through its remote id', async () => {
    const outcome = await tg.publish(channel, { text: 'Было', images: [] }, { publicationId: 'i-3', images: [] });
    if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
    expect(await tg.edit(channel, outcome.remoteId, { text: 'Стало', images: [] }, { publicationId: 'i-3', images: [] })).toMatchObject({ status: 'edited' });
    expect(sent().at(-1)).toMatchObject({ text: 'Стало' });
    expect(await tg.remove(channel, outcome.remoteId)).toEqual({ status: 'removed', alreadyGone: false });
  });
});
