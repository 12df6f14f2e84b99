import { ROLE_LABELS, type NotificationKind, type Role } from '@vestnik/contracts';
import { notificationPath } from './notification-row';

export interface LetterSource {
  title: string;
  body: string;
  postId: string | null;
  channelId: string | null;
  recipientName: string;
  /** Where the link leads depends on it (a review request opens the approval queue). */
  kind?: NotificationKind;
}

export interface Letter {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The e-mail of one notification: its own title and body, and a link to the post or page. */
export function composeLetter(n: LetterSource, publicUrl: string): Letter {
  const link = `${publicUrl}${notificationPath(n.postId, n.channelId, n.kind)}`;
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

/** A letter with a one-time link: an invitation to an organization or a password reset by an admin. */
export interface LinkLetterSource {
  kind: 'membership' | 'password_reset';
  /** Only a name the admin typed for a new person; otherwise the greeting names nobody. */
  recipientName: string | null;
  organizationName: string;
  role: Role | null;
  link: string;
  invitedBy: string;
  expiresAt: Date;
}

/** Russian plural of days: 1 день, 3 дня, 7 дней. */
export function days(n: number): string {
  const tens = n % 100;
  const ones = n % 10;
  const word = tens >= 11 && tens <= 14 ? 'дней' : ones === 1 ? 'день' : ones >= 2 && ones <= 4 ? 'дня' : 'дней';
  return `${n} ${word}`;
}

export function composeLinkLetter(s: LinkLetterSource, now = new Date()): Letter {
  const left = days(Math.max(1, Math.round((s.expiresAt.getTime() - now.getTime()) / 86_400_000)));
  const invitation = s.kind === 'membership';
  const subject = invitation ? `Приглашение в Вестник: «${s.organizationName}»` : 'Смена пароля в Вестнике';
  const paragraphs = invitation
    ? [
        `${s.invitedBy} приглашает вас в организацию «${s.organizationName}» в Вестнике${s.role ? ` с ролью «${ROLE_LABELS[s.role]}»` : ''}.`,
        'Чтобы принять приглашение, откройте ссылку: если у вас ещё нет учётной записи, вы её создадите; если есть — подтвердите согласие своим паролем.',
      ]
    : [
        `Пароль вашей учётной записи в Вестнике сброшен администратором организации «${s.organizationName}» (${s.invitedBy}). Прежний пароль больше не действует, все сеансы завершены.`,
        'Чтобы задать новый пароль, откройте ссылку.',
      ];
  const action = invitation ? 'Принять приглашение' : 'Задать новый пароль';
  const warning = `Ссылка действует ${left} и открывается один раз. Никому её не пересылайте. Если вы не ждали этого письма, просто не открывайте ссылку.`;
  const footer = 'Письмо отправлено Вестником автоматически, отвечать на него не нужно.';
  const greeting = s.recipientName ? `Здравствуйте, ${s.recipientName}!` : 'Здравствуйте!';
  const text = [greeting, '', ...paragraphs, '', `${action}: ${s.link}`, '', warning, '', `— ${footer}`].join('\n');
  const html = `<!doctype html>
<html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.4;color:#1a1a1a">
<p style="margin:0 0 12px">${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p style="margin:0 0 8px">${escapeHtml(p)}</p>`).join('\n')}
<p style="margin:16px 0"><a href="${escapeHtml(s.link)}">${action}</a></p>
<p style="margin:0 0 8px">${escapeHtml(warning)}</p>
<p style="margin:0;color:#666;font-size:13px">${footer}</p>
</body></html>`;
  return { subject, text, html };
}
