import type { ReconcileQuery } from '@vestnik/platforms/core';
import { feedPageOf, findOwnTopic, OK_CLOCK_SKEW_MS, OkFeedPage, OkFeedReader, OkFeedTopic } from './ok-reconcile';

const SENT = new Date('2026-12-03T10:00:00Z');
const query = (text: string): ReconcileQuery => ({ publicationId: 'p-1', content: { text, images: [] }, sentAfter: SENT });
const at = (secondsAfterSend: number) => SENT.getTime() + secondsAfterSend * 1000;
const topic = (id: string, secondsAfterSend: number, text: string): OkFeedTopic => ({ id, createdMs: at(secondsAfterSend), text });

/** A feed read in pages of `size`, counting the reads. */
function feed(topics: OkFeedTopic[], size = 2): OkFeedReader & { reads: number } {
  const reader = Object.assign(
    async (anchor: string | undefined) => {
      reader.reads += 1;
      const start = anchor ? Number(anchor) : 0;
      const page: OkFeedPage = { topics: topics.slice(start, start + size), anchor: String(start + size), hasMore: start + size < topics.length };
      return { ok: true as const, result: page };
    },
    { reads: 0 },
  );
  return reader;
}

describe('findOwnTopic: our OK topic after a lost answer, by its text in the window', () => {
  it('finds the one topic with our text created since the send, and stops reading past the window', async () => {
    const read = feed([topic('9', 30, 'Другое'), topic('8', 5, 'Приём граждан 10 декабря'), topic('7', -3600, 'Старое'), topic('6', -7200, 'Ещё старее')]);
    expect(await findOwnTopic(read, query('Приём граждан 10 декабря'))).toEqual({ status: 'found', topicId: '8' });
    expect(read.reads).toBe(2);
  });

  it('compares the plain text as posted (markdown rendered, spaces folded)', async () => {
    const read = feed([topic('5', 1, 'Важно:  график (https://gov.ru/g)')]);
    expect(await findOwnTopic(read, query('**Важно**: [график](https://gov.ru/g)'))).toEqual({ status: 'found', topicId: '5' });
  });

  it('counts topics a little older than the send as in the window (OK’s clock may lag)', async () => {
    const lagging = feed([topic('4', -(OK_CLOCK_SKEW_MS / 1000) + 10, 'Наш текст')]);
    expect(await findOwnTopic(lagging, query('Наш текст'))).toEqual({ status: 'found', topicId: '4' });
  });

  it('answers absent only when the feed was read back past the window and nothing there is alike', async () => {
    expect(await findOwnTopic(feed([topic('3', 10, 'Другое'), topic('2', -3600, 'Наш текст')]), query('Наш текст'))).toEqual({ status: 'absent' });
    expect(await findOwnTopic(feed([]), query('Наш текст'))).toEqual({ status: 'absent' });
  });

  it('answers unknown for two topics with our text: it will not guess which is ours', async () => {
    const outcome = await findOwnTopic(feed([topic('3', 20, 'Наш текст'), topic('2', 10, 'Наш текст')]), query('Наш текст'));
    expect(outcome).toMatchObject({ status: 'unknown' });
  });

  it('answers unknown for a topic whose text is only alike (cut or changed by OK), never absent', async () => {
    const long = 'Уважаемые жители! С 10 декабря меняется график приёма граждан в администрации района.';
    const outcome = await findOwnTopic(feed([topic('3', 20, long.slice(0, 60) + '…')]), query(long));
    expect(outcome).toMatchObject({ status: 'unknown' });
  });

  it('answers unknown when the window holds more topics than it reads, or a read fails', async () => {
    const busy = Array.from({ length: 500 }, (_, i) => topic(String(1000 - i), 100 - i / 10, `Тема ${i}`));
    expect(await findOwnTopic(feed(busy, 50), query('Наш текст'))).toMatchObject({ status: 'unknown' });
    const failing: OkFeedReader = async () => ({ ok: false, failure: { status: 'transient', reason: 'Одноклассники не ответили вовремя' } });
    expect(await findOwnTopic(failing, query('Наш текст'))).toEqual({ status: 'unknown', reason: 'Не удалось прочитать ленту группы: Одноклассники не ответили вовремя' });
  });

  it('does not look for a topic without text: photos alone do not say whose it is', async () => {
    const read = feed([topic('3', 20, '')]);
    expect(await findOwnTopic(read, query(''))).toMatchObject({ status: 'unknown' });
    expect(read.reads).toBe(0);
  });
});

describe('feedPageOf: the answer of mediatopic.getTopics', () => {
  it('reads ids, creation times and the text items', () => {
    const page = feedPageOf({
      media_topics: [{ id: '70000000002', created_ms: 1764756000000, media: [{ type: 'text', text: 'Абзац' }, { type: 'photo', photo_refs: ['group_photo:1'] }, { type: 'link', url: 'https://gov.ru' }] }],
      anchor: 'MQ',
      has_more: false,
    });
    expect(page).toEqual({ topics: [{ id: '70000000002', createdMs: 1764756000000, text: 'Абзац' }], anchor: 'MQ', hasMore: false });
  });

  it('refuses an answer it cannot read rather than call it an empty feed', () => {
    expect(feedPageOf({ topics: [] })).toBeNull();
    expect(feedPageOf({ media_topics: [{ id: '1' }] })).toBeNull();
  });
});
