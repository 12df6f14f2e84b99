import type { CreatePostRequest, Platform, PostVariantsInput, PostView, Rubric, UpdatePostRequest } from '@vestnik/contracts';
import { PLATFORMS, RUBRICS } from '@vestnik/contracts';

/** One platform's tab: whether it has a text of its own, and that text (kept while switched off). */
export interface VariantValue {
  own: boolean;
  text: string;
}

/**
 * Everything the composer's form holds, in the shape of its controls, so the server's field names
 * (`text`, `variants.telegram.text`, `scheduledAt`…) are also the paths of the controls.
 * `scheduledAt` is wall-clock time `YYYY-MM-DDTHH:mm` in the organization's zone.
 */
export interface ComposerValue {
  rubric: Rubric;
  title: string;
  text: string;
  link: string;
  scheduledAt: string;
  channelIds: string[];
  mediaIds: string[];
  variants: Record<Platform, VariantValue>;
}

export function noVariants(): Record<Platform, VariantValue> {
  return Object.fromEntries(PLATFORMS.map((p) => [p, { own: false, text: '' }])) as Record<Platform, VariantValue>;
}

export function emptyComposerValue(scheduledAt: string): ComposerValue {
  return { rubric: 'official', title: '', text: '', link: '', scheduledAt, channelIds: [], mediaIds: [], variants: noVariants() };
}

/** The form's value for a stored post: its time as wall clock of its zone, its variants as tabs. */
export function composerValueFromPost(post: PostView): ComposerValue {
  const variants = noVariants();
  for (const platform of PLATFORMS) {
    const text = post.variants[platform]?.text;
    if (text !== undefined) variants[platform] = { own: true, text };
  }
  return {
    rubric: post.rubric,
    title: post.title ?? '',
    text: post.text,
    link: post.link ?? '',
    scheduledAt: post.scheduledAtLocal.slice(0, 16),
    channelIds: post.publications.map((p) => p.channelId),
    mediaIds: [...post.mediaIds],
    variants,
  };
}

/** Whether a platform gets a text of its own: the server takes a blank variant for none (`variantsOf`). */
export function hasOwnText(variant: VariantValue): boolean {
  return variant.own && variant.text.trim() !== '';
}

/** The text a platform's pages receive: its own variant, else the common text (the server's `contentFor`). */
export function textForPlatform(value: Pick<ComposerValue, 'text' | 'variants'>, platform: Platform): string {
  const variant = value.variants[platform];
  return hasOwnText(variant) ? variant.text : value.text;
}

/** The variants as the API takes them: only platforms with a text of their own. */
export function variantsForRequest(value: Pick<ComposerValue, 'variants'>): PostVariantsInput {
  const out: PostVariantsInput = {};
  for (const platform of PLATFORMS) {
    const variant = value.variants[platform];
    if (hasOwnText(variant)) out[platform] = { text: variant.text };
  }
  return out;
}

export function toCreateRequest(value: ComposerValue, organizationId: string): CreatePostRequest {
  const title = value.title.trim();
  const link = value.link.trim();
  return {
    organizationId,
    rubric: value.rubric,
    ...(title ? { title } : {}),
    text: value.text,
    ...(link ? { link } : {}),
    mediaIds: [...value.mediaIds],
    channelIds: [...value.channelIds],
    scheduledAt: value.scheduledAt,
    variants: variantsForRequest(value),
  };
}

/** The whole post as it stands (the API replaces lists and variants as given); a blank title or link removes it. */
export function toUpdateRequest(value: ComposerValue, version: number): UpdatePostRequest {
  return {
    rubric: value.rubric,
    title: value.title.trim(),
    text: value.text,
    link: value.link.trim(),
    mediaIds: [...value.mediaIds],
    channelIds: [...value.channelIds],
    scheduledAt: value.scheduledAt,
    variants: variantsForRequest(value),
    version,
  };
}

/**
 * Whether two values would save the same post: a switched-off variant's text and surrounding
 * spaces of title and link do not count, so opening a post never looks like an unsaved change.
 */
export function sameComposerValue(a: ComposerValue, b: ComposerValue): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: ComposerValue): unknown[] {
  return [
    value.rubric,
    value.title.trim(),
    value.text,
    value.link.trim(),
    value.scheduledAt,
    [...value.channelIds].sort(),
    value.mediaIds,
    PLATFORMS.map((p) => (hasOwnText(value.variants[p]) ? value.variants[p].text : null)),
  ];
}

/** Reads a value kept in storage or elsewhere, filling what an older shape lacked; null when it is not one. */
export function readComposerValue(raw: unknown): ComposerValue | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  if (typeof r['text'] !== 'string' || !RUBRICS.includes(r['rubric'] as Rubric)) return null;
  const variants = noVariants();
  const rawVariants = (r['variants'] ?? {}) as Record<string, unknown>;
  for (const platform of PLATFORMS) {
    const v = rawVariants[platform] as Record<string, unknown> | undefined;
    if (v && typeof v === 'object') variants[platform] = { own: v['own'] === true, text: str(v['text']) };
  }
  return {
    rubric: r['rubric'] as Rubric,
    title: str(r['title']),
    text: r['text'],
    link: str(r['link']),
    scheduledAt: str(r['scheduledAt']),
    channelIds: ids(r['channelIds']),
    mediaIds: ids(r['mediaIds']),
    variants,
  };
}
