import type { ReconcileQuery } from '@vestnik/platforms/core';
import { feedMessagesOf, findOwnMessage, MAX_CLOCK_SKEW_MS, MaxFeedMessage } from './max-reconcile';

const SENT = new Date('2026-12-03T10:00:00Z');
const query = (text: string, link?: string): ReconcileQuery => ({ publicationId: 'p-1', content: { text, images: [], link }, sentAfter: SENT });
const at = (secondsAfterSend: number) => SENT.getTime() + secondsAfterSend * 1000;
const message = (mid: string, secondsAfterSend: number, text: string): MaxFeedMessage => ({ mid, timestampMs: at(secondsAfterSend), text, url: `https://max.ru/c/1/${mid}` });

describe('findOwnMessage: our MAX message after a lost answer, by its text in the window', () => {
  it('finds the one message with our text sent since the send, with its public link', () => {
    const feed = [message('mid.9', 30, 'Другое'), message('mid.8', 5, 'Приём граждан 10 декабря'), message('mid.7', -3600, 'Старое')];
    expect(findOwnMessage(feed, query('Приём граждан 10 декабря'))).toEqual({ status: 'found', remoteId: 'mid.8', url: 'https://max.ru/c/1/mid.8' });
  });

  it('compares the text a reader sees (markup gone, the appended link included, spaces folded)', () => {
    const feed = [message('mid.5', 1, 'Важно:  график\n\nhttps://gov.ru/n'), message('mid.4', -3600, 'x')];
    expect(findOwnMessage(feed, query('**Важно**: [график](https://gov.ru/g)', 'https://gov.ru/n'))).toMatchObject({ status: 'found', remoteId: 'mid.5' });
  });

  it('counts messages a little older than the send as in the window (MAX’s clock may lag)', () => {
    const lagging = [message('mid.4', -(MAX_CLOCK_SKEW_MS / 1000) + 10, 'Наш текст'), message('mid.3', -3600, 'x')];
    expect(findOwnMessage(lagging, query('Наш текст'))).toMatchObject({ status: 'found', remoteId: 'mid.4' });
  });

  it('answers absent only when the read reached back past the window (or the whole channel) and nothing is alike', () => {
    expect(findOwnMessage([message('mid.3', 10, 'Другое'), message('mid.2', -3600, 'Наш текст')], query('Наш текст'))).toEqual({ status: 'absent' });
    expect(findOwnMessage([message('mid.3', 10, 'Другое')], query('Наш текст'))).toEqual({ status: 'absent' });
    expect(findOwnMessage([], query('Наш текст'))).toEqual({ status: 'absent' });
  });

  it('answers unknown for two messages with our text: it will not guess which is ours', () => {
    expect(findOwnMessage([message('mid.3', 20, 'Наш текст'), message('mid.2', 10, 'Наш текст')], query('Наш текст'))).toMatchObject({ status: 'unknown' });
  });

  it('answers unknown for a message whose text is only alike, never absent', () => {
    const long = 'Уважаемые жители! С 10 декабря меняется график приёма граждан в администрации района.';
    expect(findOwnMessage([message('mid.3', 20, long.slice(0, 60) + '…')], query(long))).toMatchObject({ status: 'unknown' });
  });

  it('answers unknown when a full page is all inside the window, even with our message in it', () => {
    const busy = Array.from({ length: 5 }, (_, i) => message(`mid.${100 - i}`, 100 - i, `Сообщение ${i}`));
    expect(findOwnMessage(busy, query('Наш текст'), 5)).toMatchObject({ status: 'unknown' });
    const withOurs = [message('mid.200', 101, 'Наш текст'), ...busy.slice(1)];
    expect(findOwnMessage(withOurs, query('Наш текст'), 5)).toMatchObject({ status: 'unknown' });
    expect(findOwnMessage(withOurs.slice(0, 4), query('Наш текст'), 5)).toMatchObject({ status: 'found', remoteId: 'mid.200' });
  });

  it('does not look for a message without text: images alone do not say whose it is', () => {
    expect(findOwnMessage([message('mid.3', 20, '')], query(''))).toMatchObject({ status: 'unknown' });
  });
});

describe('feedMessagesOf: the answer of GET /messages', () => {
  it('reads mid, time, text and link, newest first', () => {
    const result = {
      messages: [
        { recipient: { chat_id: -72, chat_type: 'channel' }, timestamp: 1000, body: { mid: 'mid.1', seq: 1, text: 'Старое', attachments: null } },
        { recipient: { chat_id: -72, chat_type: 'channel' }, timestamp: 2000, body: { mid: 'mid.2', seq: 2, text: null, attachments: [] }, url: 'https://max.ru/x/mid.2', stat: { views: 3 } },
      ],
    };
    expect(feedMessagesOf(result)).toEqual([
      { mid: 'mid.2', timestampMs: 2000, text: '', url: 'https://max.ru/x/mid.2' },
      { mid: 'mid.1', timestampMs: 1000, text: 'Старое', url: null },
    ]);
  });

  it('refuses an answer it cannot read rather than call it an empty channel', () => {
    expect(feedMessagesOf({ chats: [] })).toBeNull();
    expect(feedMessagesOf({ messages: [{ timestamp: 1, body: {} }] })).toBeNull();
    expect(feedMessagesOf({ messages: [{ body: { mid: 'mid.1' } }] })).toBeNull();
  });
});
