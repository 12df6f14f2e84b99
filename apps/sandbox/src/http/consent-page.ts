import { escapeHtml } from '../telegram/tg-html';

export interface ConsentAccount {
  value: string;
  label: string;
}

export interface ConsentPage {
  /** `ВКонтакте` or `Одноклассники`: the page's header. */
  service: string;
  clientId: string;
  /** Permissions asked for, as the platform names them. */
  permissions: string[];
  /** Where the form posts: the same path as the page. */
  action: string;
  /** The authorization request's parameters, carried through the form unchanged. */
  hidden: Record<string, string>;
  /** Form field naming the chosen account (`user_id`, `uid`). */
  accountField: string;
  accounts: ConsentAccount[];
  selected?: string;
}

const STYLE = `
body{font-family:system-ui,sans-serif;background:#eef0f3;color:#222;margin:0}
main{max-width:420px;margin:48px auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px #0002}
h1{font-size:20px;margin:0 0 12px} .meta{color:#666;font-size:13px} ul{padding-left:20px}
label{display:block;margin:16px 0} select{width:100%;padding:6px;font-size:15px}
button{font-size:15px;padding:8px 18px;border-radius:8px;border:0;margin-right:8px;cursor:pointer}
button[value=allow]{background:#2787f5;color:#fff} button[value=deny]{background:#e5e7ea}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}<p class="meta">Это песочница Вестника: настоящая площадка не вызывается.</p></main></body></html>`;
}

/** The consent screen: who signs in and the "Разрешить" / "Отмена" buttons. */
export function renderConsentPage(p: ConsentPage): string {
  const title = `${p.service} — вход (песочница)`;
  if (p.accounts.length === 0) {
    return page(title, `<h1>Вход через ${escapeHtml(p.service)}</h1><p>В песочнице нет пользователей ${escapeHtml(p.service)}: добавьте их через /control/seed.</p>`);
  }
  const hidden = Object.entries(p.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const options = p.accounts
    .map((a) => `<option value="${escapeHtml(a.value)}"${a.value === p.selected ? ' selected' : ''}>${escapeHtml(a.label)}</option>`)
    .join('');
  const permissions = p.permissions.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return page(
    title,
    `<h1>Вход через ${escapeHtml(p.service)}</h1>
<p>Приложение <b>${escapeHtml(p.clientId)}</b> запрашивает доступ к вашей странице:</p><ul>${permissions}</ul>
<form method="post" action="${escapeHtml(p.action)}">
${hidden}
<label>Войти как <select name="${escapeHtml(p.accountField)}">${options}</select></label>
<button type="submit" name="decision" value="allow">Разрешить</button>
<button type="submit" name="decision" value="deny">Отмена</button>
</form>`,
  );
}

/** A refused authorization request: shown, never redirected (the redirect_uri is not trusted yet). */
export function renderErrorPage(service: string, message: string): string {
  return page(`${service} — ошибка авторизации`, `<h1>Ошибка авторизации</h1><p>${escapeHtml(message)}</p>`);
}

/** `base` with the parameters added to its query (keeping any it already has). */
export function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

/** An absolute http(s) URL, as both platforms require for redirect_uri. */
export function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
