import type { PublishContext } from './adapter';
import type { RejectedOutcome } from './outcomes';
import type { ContentViolation, PostContent } from '@vestnik/platforms/rules';

/** Refuses content the platform would refuse, before any request is made. */
export function contentRejection(violations: ContentViolation[]): RejectedOutcome | null {
  if (violations.length === 0) return null;
  return {
    status: 'rejected',
    code: `content:${violations[0].code}`,
    reason: violations.map((v) => v.message).join('; '),
  };
}

/** The bytes must match the content's images one for one; anything else is a caller bug. */
export function imagesMismatch(content: PostContent, ctx: PublishContext): RejectedOutcome | null {
  if (content.images.length === ctx.images.length) return null;
  return {
    status: 'rejected',
    code: 'content:images_not_loaded',
    reason: `Загружено ${ctx.images.length} файлов изображений из ${content.images.length}`,
  };
}
