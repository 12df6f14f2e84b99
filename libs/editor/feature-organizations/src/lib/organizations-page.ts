import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type { OrganizationView } from '@vestnik/contracts';
import { CurrentOrganization } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage } from '@vestnik/editor/ui';
import { OrganizationDetail } from './organization-detail';
import { OrganizationDirectory } from './organization-directory';
import { OrganizationTree } from './organization-tree';

/**
 * Home page after sign-in: the tree of the user's organizations and the selected one's details.
 * `?org=` and the header's current organization steer each other: a link or a click in the tree
 * makes that organization current; a choice in the header's switcher moves `?org=` along.
 * An archived organization may be shown by `?org=` without becoming current.
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
  /** Selected organization id from `?org=`, so a reload or a shared link keeps the selection. */
  readonly org = input<string>();

  protected readonly t = inject(I18n).t;
  protected readonly directory = inject(OrganizationDirectory);
  private readonly current = inject(CurrentOrganization);
  private readonly router = inject(Router);

  /** Without `?org=` the current organization is shown, so the page is never an empty half. */
  protected readonly selectedId = computed(() => this.org() ?? this.current.id());
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return id ? (this.directory.byId().get(id) ?? null) : null;
  });

  constructor() {
    // Only changes count: a list that loses the shown organization (archived a moment ago) moves
    // nothing, so its notice stays; an address naming one not yet listed waits for the list.
    let lastOrg: string | undefined;
    let lastChoice: string | null | undefined;
    let pending: string | null = null;
    effect(() => {
      const org = this.org();
      const choice = this.current.choice();
      const known = this.current.byId();
      untracked(() => {
        if (org !== lastOrg) {
          lastOrg = org;
          pending = org ?? null;
        }
        if (pending && known.has(pending)) {
          if (pending !== choice) this.current.choose(pending);
          lastChoice = pending;
          pending = null;
          return;
        }
        if (choice !== lastChoice) {
          lastChoice = choice;
          if (choice && choice !== org && known.has(choice)) this.writeOrg(choice, true);
        }
      });
    });
  }

  protected select(id: string): void {
    this.writeOrg(id, false);
  }

  protected onCreated(child: OrganizationView): void {
    this.current.choose(child.id);
    this.writeOrg(child.id, false);
  }

  protected toggleArchived(event: Event): void {
    this.directory.showArchived((event.target as HTMLInputElement).checked);
  }

  private writeOrg(id: string, replaceUrl: boolean): void {
    void this.router.navigate([], { queryParams: { org: id }, queryParamsHandling: 'merge', replaceUrl });
  }
}
