import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type { OrganizationView } from '@vestnik/contracts';
import { CurrentOrganization } from '@vestnik/editor/data-access';
import { AlertMessage } from '@vestnik/editor/ui';
import { OrganizationDetail } from './organization-detail';
import { OrganizationDirectory } from './organization-directory';
import { OrganizationTree } from './organization-tree';

/**
 * Home page after sign-in: the tree of the user's organizations and the current one's details.
 * The selection is the shell's current organization; `?org=` mirrors it so a link keeps it, and
 * may also name an archived organization, which is shown without becoming current.
 */
@Component({
  selector: 'vn-organizations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertMessage, OrganizationTree, OrganizationDetail],
  providers: [OrganizationDirectory],
  templateUrl: './organizations-page.html',
  styleUrl: './organizations-page.css',
})
export class OrganizationsPage {
  readonly org = input<string>();

  protected readonly directory = inject(OrganizationDirectory);
  private readonly current = inject(CurrentOrganization);
  private readonly router = inject(Router);

  /** `?org=` when it names one outside the current list (archived), else the current organization. */
  protected readonly selectedId = computed(() => {
    const org = this.org();
    if (org && !this.current.byId().has(org)) return org;
    return this.current.id();
  });
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return id ? (this.directory.byId().get(id) ?? null) : null;
  });

  constructor() {
    // The address and the header's switcher steer each other: a changed ?org= (a link, the tree)
    // makes that organization current; a choice in the switcher moves ?org= along.
    let settled = false;
    let lastOrg: string | undefined;
    let lastId: string | null = null;
    effect(() => {
      const org = this.org();
      const id = this.current.id();
      const known = this.current.byId();
      untracked(() => {
        if (!known.size) return;
        const orgChanged = !settled || org !== lastOrg;
        settled = true;
        lastOrg = org;
        if (orgChanged && org && known.has(org)) {
          if (org !== id) this.current.choose(org);
          lastId = org;
          return;
        }
        if (id !== lastId) {
          lastId = id;
          if (id && org !== id) this.writeOrg(id);
        }
      });
    });
  }

  protected select(id: string): void {
    if (this.current.byId().has(id)) this.current.choose(id);
    this.writeOrg(id);
  }

  protected onCreated(child: OrganizationView): void {
    this.current.choose(child.id);
    this.writeOrg(child.id);
  }

  protected toggleArchived(event: Event): void {
    this.directory.showArchived((event.target as HTMLInputElement).checked);
  }

  private writeOrg(id: string): void {
    void this.router.navigate([], { queryParams: { org: id }, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
