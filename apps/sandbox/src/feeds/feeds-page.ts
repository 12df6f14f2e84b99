import { Router } from 'express';
import type { SandboxContext } from '../app/context';
import { allFeeds, FeedView, PostView } from '../control/posts';
import { escapeHtml } from '../telegram/tg-html';

const PLATFORM_NAMES: Record<FeedView['platform'], string> = { vk: 'ВКонтакте', ok: 'Одноклассники', telegram: 'Telegram', max: 'MAX' };

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#eef0f3;color:#222}
header{background:#2b3a4a;color:#fff;padding:12px 24px}
main{display:flex;flex-wrap:wrap;gap:16px;padding:16px}
section{background:#fff;border-radius:8px;width:360px;padding:12px;box-shadow:0 1px 3px #0002}
h2{font-size:16px;margin:0 0 4px} .meta{color:#777;font-size:12px}
article{border-top:1px solid #eee;padding:8px 0} article.deleted{opacity:.45}
.text{white-space:pre-wrap;word-wrap:break-word}
.photos{display:flex;flex-wrap:wrap;gap:4px;margin-top:6px} .photos img{max-width:110px;max-height:110px;border-radius:4px}
.vk h2{color:#2787f5} .ok h2{color:#ee8208} .telegram h2{color:#229ed9} .max h2{color:#6b3fd4}
`;

function renderPost(feed: FeedView, post: PostView): string {
  const body = (feed.platform === 'telegram' || feed.platform === 'max') && post.html !== undefined ? post.html : escapeHtml(post.text);
  const photos = post.imageUrls.map((url) => `<img src="${escapeHtml(url)}" alt="фото" loading="lazy">`).join('');
  const link = post.link ? `<div class="meta">Ссылка: <a href="${escapeHtml(post.link)}" rel="nofollow noopener">${escapeHtml(post.link)}</a></div>` : '';
  const flags = [post.editedAt ? 'изменено' : '', post.deletedAt ? 'удалено' : '', post.mediaGroupId ? 'альбом' : ''].filter(Boolean).join(', ');
  return `<article class="${post.deletedAt ? 'deleted' : ''}">
<div class="meta">№ ${escapeHtml(post.id)} · ${escapeHtml(new Date(post.createdAt).toLocaleString('ru-RU', { timeZone: 'UTC' }))} UTC${flags ? ` · ${escapeHtml(flags)}` : ''}</div>
<div class="text">${body}</div>${photos ? `<div class="photos">${photos}</div>` : ''}${link}
</article>`;
}

function renderFeed(feed: FeedView): string {
  const posts = [...feed.posts].reverse().map((p) => renderPost(feed, p)).join('') || '<p class="meta">Записей пока нет</p>';
  return `<section class="${feed.platform}"><h2>${escapeHtml(feed.title)}</h2>
<div class="meta">${PLATFORM_NAMES[feed.platform]} · ${escapeHtml(feed.target)} · записей: ${feed.posts.filter((p) => !p.deletedAt).length}</div>${posts}</section>`;
}

/** `/`: every community, group and channel with its posts as readers would see them; `/images/:id` serves the photos. */
export function feedsRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const feeds = allFeeds(ctx);
    const content = feeds.length ? feeds.map(renderFeed).join('') : '<p>Песочница пуста: добавьте сообщества и каналы через /control/seed.</p>';
    res.type('html').send(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Песочница платформ — Вестник</title>
<meta http-equiv="refresh" content="10"><style>${STYLE}</style></head>
<body><header><strong>Вестник · песочница платформ</strong> — ленты сообществ и каналов (обновляется каждые 10 секунд)</header><main>${content}</main></body></html>`);
  });
  router.get('/images/:id', (req, res) => {
    const image = ctx.store.images.get(String(req.params['id']));
    if (!image) return void res.status(404).type('text').send('Нет такого изображения');
    res.type(image.mimeType).send(image.bytes);
  });
  return router;
}
