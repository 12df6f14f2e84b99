import { Injectable, computed, inject, signal } from '@angular/core';
import type { OrganizationView } from '@vestnik/contracts';
import { OrganizationsApi, type ApiFailure, buildOrganizationTree, toApiFailure } from '@vestnik/editor/data-access';
import { firstValueFrom } from 'rxjs';

/** The organizations the signed-in user can see, as a list and as a tree; one per organizations page. */
@Injectable()
export class OrganizationDirectory {
  private readonly api = inject(OrganizationsApi);
  private loadSequence = 0;

  readonly organizations = signal<readonly OrganizationView[]>([]);
  readonly includeArchived = signal(false);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly failure = signal<ApiFailure | null>(null);

  readonly tree = computed(() => buildOrganizationTree(this.organizations()));
  readonly byId = computed(() => new Map(this.organizations().map((o) => [o.id, o])));

  async load(): Promise<void> {
    const sequence = ++this.loadSequence;
    this.loading.set(true);
    try {
      const list = await firstValueFrom(this.api.list(this.includeArchived()));
      // A slower, older answer must not overwrite a newer one (e.g. after toggling "show archived").
      if (sequence !== this.loadSequence) return;
      this.organizations.set(list);
      this.failure.set(null);
      this.loaded.set(true);
    } catch (error) {
      if (sequence === this.loadSequence) this.failure.set(toApiFailure(error));
    } finally {
      if (sequence === this.loadSequence) this.loading.set(false);
    }
  }

  async showArchived(show: boolean): Promise<void> {
    this.includeArchived.set(show);
    await this.load();
  }
}
