import { httpResource } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject } from '@angular/core';
import type { PostPage, PostView } from '@vestnik/contracts';
import { API_BASE } from './api-failure';
import { CurrentOrganization } from './current-organization';
import { postQueryParams } from './posts-api';

/** Posts taken into the queue at once: a day's work for a region, not the whole archive. */
export const REVIEW_QUEUE_LIMIT = 200;
/** The menu's count is asked again this often, and when the window comes back after a while. */
const POLL_MS = 120_000;
const FOCUS_MIN_GAP_MS = 20_000;

/**
 * Posts in review across the current organization's subtree, oldest sent to review first: the
 * approval page's list and the menu's count (the posts this person may approve now, by the server's
 * `approval.canApprove`). One request serves both.
 */
@Injectable({ providedIn: 'root' })
export class ReviewQueue {
  private readonly current = inject(CurrentOrganization);
  private lastAsked = Date.now();

  readonly page = httpResource<PostPage>(() => {
    const organizationId = this.current.id();
    if (!organizationId) return undefined;
    return { url: `${API_BASE}/posts`, params: postQueryParams({ organizationId, status: 'in_review', order: 'submitted', limit: REVIEW_QUEUE_LIMIT }) };
  });

  readonly items = computed<PostView[]>(() => (this.page.hasValue() ? this.page.value().items : []));
  /** In review across the subtree, on all pages. */
  readonly total = computed(() => (this.page.hasValue() ? this.page.value().total : 0));
  /** Posts this person may approve now (of those loaded). */
  readonly awaitingMe = computed(() => this.items().filter((p) => p.approval.canApprove).length);
  /** For the menu: «12», or «200+» when the queue is longer than what was loaded. */
  readonly badge = computed(() => {
    const n = this.awaitingMe();
    if (!n) return '';
    return this.total() > this.items().length ? `${n}+` : String(n);
  });

  constructor() {
    const doc = inject(DOCUMENT);
    setInterval(() => this.reload(), POLL_MS);
    doc.defaultView?.addEventListener('focus', () => {
      if (Date.now() - this.lastAsked >= FOCUS_MIN_GAP_MS) this.reload();
    });
  }

  reload(): void {
    this.lastAsked = Date.now();
    if (!this.page.isLoading()) this.page.reload();
  }

  /** A post approved or sent back here leaves the list at once; the next reload confirms it. */
  settled(postId: string): void {
    if (!this.page.hasValue()) return;
    const page = this.page.value();
    const items = page.items.filter((p) => p.id !== postId);
    this.page.set({ ...page, items, total: page.total - (page.items.length - items.length) });
  }
}
