import { RUBRICS, type OrganizationView, type PostStatus, type PostView, type Rubric } from '@vestnik/contracts';

/** What the person narrowed the calendar to; null: no narrowing by that field. */
export interface CalendarFilters {
  channelId: string | null;
  rubrics: ReadonlySet<Rubric>;
  status: PostStatus | null;
  /** A sub-organization: its posts and its own subtree's. */
  organizationId: string | null;
}

export const NO_FILTERS: CalendarFilters = { channelId: null, rubrics: new Set(RUBRICS), status: null, organizationId: null };

export function isFiltered(filters: CalendarFilters): boolean {
  return !!filters.channelId || !!filters.status || !!filters.organizationId || filters.rubrics.size !== RUBRICS.length;
}

/** The organization and every organization below it, among those the person sees. */
export function subtreeOf(rootId: string, organizations: readonly Pick<OrganizationView, 'id' | 'parentId'>[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of organizations) {
    if (!o.parentId || o.parentId === o.id) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const result = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length) {
    for (const child of children.get(queue.pop() as string) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        queue.push(child);
      }
    }
  }
  return result;
}

/**
 * The posts the calendar shows. Filtering happens here, on the loaded range, so a change of filter
 * answers at once and the range is asked for only once. `within`: the chosen sub-organization's subtree.
 */
export function filterPosts(posts: readonly PostView[], filters: CalendarFilters, within: ReadonlySet<string> | null): PostView[] {
  return posts.filter(
    (post) =>
      filters.rubrics.has(post.rubric) &&
      (!filters.status || post.status === filters.status) &&
      (!within || within.has(post.organizationId)) &&
      (!filters.channelId || post.publications.some((p) => p.channelId === filters.channelId)),
  );
}
