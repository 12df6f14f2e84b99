import { notificationPath } from './notification-row';

export interface LetterSource {
  title: string;
  body: string;
  postId: string | null;
  channelId: string | null;
  recipientName: string;
}

export interface Letter {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The e-mail of one notification: its own title and body, and a link to the post or page. */
export function composeLetter(n: LetterSource, publicUrl: string): Letter {
  const link = `${publicUrl}${notificationPath(n.postId, n.channelId)}`;
  const action = n.postId ? 'Открыть запись в Вестнике' : 'Открыть страницу в Вестнике';
  const footer = 'Письмо отправлено Вестником автоматически, отвечать на него не нужно.';
  const greeting = `Здравствуйте, ${n.recipientName}!`;
  const text = [greeting, '', n.body, '', `${action}: ${link}`, '', `— ${footer}`].join('\n');
  const paragraphs = n.body
    .split('\n')
    .map((line) => `<p style="margin:0 0 8px">${escapeHtml(line)}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.4;color:#1a1a1a">
<p style="margin:0 0 12px">${escapeHtml(greeting)}</p>
<h2 style="font-size:17px;margin:0 0 12px">${escapeHtml(n.title)}</h2>
${paragraphs}
<p style="margin:16px 0"><a href="${escapeHtml(link)}">${action}</a></p>
<p style="margin:0;color:#666;font-size:13px">${footer}</p>
</body></html>`;
  return { subject: n.title, text, html };
}
