import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import type { OrganizationView } from '@vestnik/contracts';
import { AlertMessage } from '@vestnik/editor/ui';
import { OrganizationDetail } from './organization-detail';
import { OrganizationDirectory } from './organization-directory';
import { OrganizationTree } from './organization-tree';

/** Home page after sign-in: the tree of the user's organizations and the selected one's details. */
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

  protected readonly directory = inject(OrganizationDirectory);
  private readonly router = inject(Router);

  /** Without an explicit choice the first root is shown, so the page is never an empty half. */
  protected readonly selectedId = computed(() => this.org() ?? this.directory.tree()[0]?.organization.id ?? null);
  protected readonly selected = computed(() => {
    const id = this.selectedId();
    return id ? (this.directory.byId().get(id) ?? null) : null;
  });

  constructor() {
    void this.directory.load();
  }

  protected select(id: string): void {
    void this.router.navigate([], { queryParams: { org: id }, queryParamsHandling: 'merge' });
  }

  protected onCreated(child: OrganizationView): void {
    this.select(child.id);
  }

  protected toggleArchived(event: Event): void {
    void this.directory.showArchived((event.target as HTMLInputElement).checked);
  }
}
