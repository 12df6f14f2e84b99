import type { Platform, PostView, PublicationView } from '@vestnik/contracts';

let n = 0;
function publication(platform: Platform): PublicationView {
  n++;
  return { id: `pub-${n}`, channelId: `ch-${platform}-${n}`, channelName: `Страница ${n}`, platform, status: 'pending', remoteId: null, url: null, attempts: 0, lastError: null, publishedAt: null };
}

/** A post for the calendar's specs: a draft to VK unless told otherwise. */
export function post(fields: Partial<PostView> & { platforms?: Platform[] } = {}): PostView {
  const { platforms = ['vk'], ...rest } = fields;
  n++;
  return {
    id: `post-${n}`,
    organizationId: 'org-root',
    authorId: 'author',
    authorName: 'Ирина Петрова',
    rubric: 'official',
    title: `Материал ${n}`,
    text: 'Текст',
    link: null,
    mediaIds: [],
    variants: {},
    scheduledAt: '2026-08-31T23:00:00.000Z',
    scheduledAtLocal: '2026-09-01T10:00:00+11:00',
    timezone: 'Asia/Sakhalin',
    status: 'draft',
    version: 1,
    approvedBy: null,
    approvedAt: null,
    submittedAt: null,
    approval: { canApprove: false, reason: null, code: null, canReject: false, rejectReason: null },
    problems: [],
    publications: platforms.map(publication),
    createdAt: '2026-08-25T02:41:09.000Z',
    updatedAt: '2026-08-25T02:41:09.000Z',
    ...rest,
  };
}
