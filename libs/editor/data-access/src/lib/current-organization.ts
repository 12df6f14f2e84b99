import { httpResource } from '@angular/common/http';
import { Injectable, computed, effect, inject, signal } from '@angular/core';
import type { OrganizationView } from '@vestnik/contracts';
import { API_BASE } from './api-failure';
import { AuthSession } from './auth-session';
import { buildOrganizationTree, OrganizationNode } from './organization-tree';

const STORAGE_PREFIX = 'vestnik.organization.';

/**
 * The organization every page works in (with its subtree), chosen in the shell's switcher and
 * remembered per person on this computer. Pages read `id()`, `organization()` and `timezone()`
 * and reload when they change; nothing else keeps its own copy of the organization list.
 */
@Injectable({ providedIn: 'root' })
export class CurrentOrganization {
  private readonly session = inject(AuthSession);
  private readonly userId = computed(() => this.session.user()?.id ?? null);

  /**
   * Every organization the person may see: their subtrees, archived ones left out. Not asked while
   * the session is limited to setting up the second factor (the server refuses it then); asked as
   * soon as the session becomes a full one.
   */
  readonly all = httpResource<OrganizationView[]>(
    () => (this.userId() && !this.session.totpEnrollmentRequired() ? `${API_BASE}/organizations` : undefined),
    { defaultValue: [] },
  );

  private readonly list = computed(() => (this.all.hasValue() ? this.all.value() : []));
  private readonly chosen = signal<string | null>(null);
  /**
   * What the person last chose, even while it is not in the list (e.g. just archived): a page that
   * mirrors the choice in its address follows this, not `id()`, whose fallback is no one's choice.
   */
  readonly choice = this.chosen.asReadonly();

  readonly byId = computed(() => new Map(this.list().map((o) => [o.id, o])));
  readonly tree = computed<OrganizationNode[]>(() => buildOrganizationTree(this.list()));
  /** The chosen organization, or the first root while nothing (or something no longer visible) is chosen. */
  readonly id = computed(() => {
    const chosen = this.chosen();
    if (chosen && this.byId().has(chosen)) return chosen;
    return this.tree()[0]?.organization.id ?? null;
  });
  readonly organization = computed(() => {
    const id = this.id();
    return id ? (this.byId().get(id) ?? null) : null;
  });
  /** The IANA zone every time on the page is shown in (and labelled with). */
  readonly timezone = computed(() => this.organization()?.timezone ?? null);

  constructor() {
    // A person's last choice comes back after a reload; another person on this computer has their own.
    effect(() => {
      const user = this.userId();
      this.chosen.set(user ? readChoice(user) : null);
    });
  }

  choose(id: string): void {
    this.chosen.set(id);
    const user = this.userId();
    if (user) writeChoice(user, id);
  }

  /** After an organization was created, renamed, archived or moved. */
  reload(): void {
    this.all.reload();
  }
}

function readChoice(userId: string): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_PREFIX + userId) ?? null;
  } catch {
    return null;
  }
}

function writeChoice(userId: string, organizationId: string): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_PREFIX + userId, organizationId);
  } catch {
    // Storage may be off (private mode): the choice then lasts until the page is closed.
  }
}
