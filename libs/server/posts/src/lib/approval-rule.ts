import type { EntityManager } from 'typeorm';
import { POST_MIN_LEAD_MS, POST_STATUS_LABELS, roleAtLeast, type FourEyesRule, type PostApprovalView, type PostProblem, type PostStatus, type Role } from '@vestnik/contracts';
import { FOUR_EYES_BY_DEFAULT, fourEyesRules } from '@vestnik/server/organizations';

/** Approval needs the post to be at least this far in the future, so the worker can still take it (the editor checks the same figure). */
export const MIN_LEAD_MS = POST_MIN_LEAD_MS;

/** What decides whether one person may approve or reject one post. */
export interface ReviewFacts {
  status: PostStatus;
  /** The person's strongest role on the post's organization (held there or on an ancestor); null: none. */
  role: Role | null;
  organization: { name: string; archived: boolean };
  fourEyes: FourEyesRule;
  isAuthor: boolean;
  /** Versions this person made since the post was last approved. */
  editedVersions: number[];
  /** What the platforms would refuse now, the post's own problems (time passed, no pages) included. */
  problems: PostProblem[];
}

/** Why an action is refused, as the API answers it. */
export interface ReviewRefusal {
  status: 403 | 409 | 422;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Approving and rejecting are for supervisors and admins, of a post in review. */
function reviewRefusal(f: ReviewFacts, action: 'approve' | 'reject'): ReviewRefusal | null {
  if (!f.role || !roleAtLeast(f.role, 'supervisor')) {
    return { status: 403, code: 'forbidden', message: `${action === 'approve' ? 'Согласовывать' : 'Возвращать на доработку'} материалы могут только руководители и администраторы организации` };
  }
  if (f.status !== 'in_review') {
    return { status: 409, code: 'invalid_transition', message: `Материал не на согласовании: сейчас его статус «${POST_STATUS_LABELS[f.status]}»`, details: { status: f.status } };
  }
  return null;
}

/**
 * The one rule of approval, used by the approve endpoint (which refuses with it) and by every post
 * view (which says whether, and why not): role, status, archived organization, four eyes, then the
 * platforms' rules. Four eyes: where self-approval is not allowed, neither the author nor anyone
 * who changed the content since its last approval may approve it.
 */
export function approvalRefusal(f: ReviewFacts): ReviewRefusal | null {
  const general = reviewRefusal(f, 'approve');
  if (general) return general;
  if (f.organization.archived) {
    return { status: 409, code: 'organization_archived', message: `Организация «${f.organization.name}» в архиве: согласовывать материалы нельзя. Сначала верните её из архива` };
  }
  if (!f.fourEyes.selfApprovalAllowed) {
    if (f.isAuthor) {
      return { status: 403, code: 'four_eyes', message: 'Автор не может согласовать собственный материал: нужен другой руководитель (правило «четырёх глаз»)' };
    }
    if (f.editedVersions.length) {
      const versions = f.editedVersions;
      return {
        status: 403,
        code: 'four_eyes',
        message: `Вы изменяли текст, время или каналы этого материала после последнего согласования (${versions.length > 1 ? 'версии' : 'версия'} ${versions.join(', ')}): согласовать его должен другой руководитель (правило «четырёх глаз»)`,
        details: { editedVersions: versions },
      };
    }
  }
  if (f.problems.length) {
    return {
      status: 422,
      code: 'post_not_publishable',
      message: `Площадки не примут материал: ${f.problems[0].message}`,
      details: { problems: f.problems, errors: f.problems.map((p) => ({ field: p.field, rule: p.code, message: p.message })) },
    };
  }
  return null;
}

/** Rejecting needs only the role and a post in review: anyone who may judge may send it back. */
export function rejectionRefusal(f: ReviewFacts): ReviewRefusal | null {
  return reviewRefusal(f, 'reject');
}

export function toApprovalView(f: ReviewFacts): PostApprovalView {
  const approval = approvalRefusal(f);
  const rejection = rejectionRefusal(f);
  return {
    canApprove: approval === null,
    reason: approval?.message ?? null,
    code: approval?.code ?? null,
    canReject: rejection === null,
    rejectReason: rejection?.message ?? null,
  };
}

/** The four-eyes facts of posts for one person, in two queries: the rule in force and his versions. */
export async function fourEyesFacts(
  m: EntityManager,
  userId: string,
  posts: { id: string; organizationId: string; lastApprovedVersion: number | null }[],
): Promise<{ rule: (organizationId: string) => FourEyesRule; editedVersions: (postId: string) => number[] }> {
  const rules = await fourEyesRules(m, [...new Set(posts.map((p) => p.organizationId))]);
  const rows: { post_id: string; versions: number[] }[] = posts.length
    ? await m.query(
        `SELECT r.post_id, array_agg(r.version ORDER BY r.version) AS versions
           FROM post_revisions r JOIN posts p ON p.id = r.post_id
          WHERE r.post_id = ANY($1::uuid[]) AND r.editor_id = $2 AND r.version > coalesce(p.last_approved_version, 0)
          GROUP BY r.post_id`,
        [posts.map((p) => p.id), userId],
      )
    : [];
  const edited = new Map(rows.map((r) => [r.post_id, r.versions]));
  return { rule: (id) => rules.get(id) ?? FOUR_EYES_BY_DEFAULT, editedVersions: (id) => edited.get(id) ?? [] };
}

/**
 * Who four eyes keep from approving the post's current version: its author and everyone who changed
 * it since its last approval; nobody where self-approval is allowed.
 */
export async function barredFromApproving(m: EntityManager, post: { id: string; organizationId: string; authorId: string; lastApprovedVersion: number | null }): Promise<string[]> {
  const rule = (await fourEyesRules(m, [post.organizationId])).get(post.organizationId) ?? FOUR_EYES_BY_DEFAULT;
  if (rule.selfApprovalAllowed) return [];
  const rows: { editor_id: string }[] = await m.query('SELECT DISTINCT editor_id FROM post_revisions WHERE post_id = $1 AND version > $2', [post.id, post.lastApprovedVersion ?? 0]);
  return [...new Set([post.authorId, ...rows.map((r) => r.editor_id)])];
}
