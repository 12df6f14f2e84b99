import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject, linkedSignal, signal } from '@angular/core';
import type { OrganizationView } from '@vestnik/contracts';
import { API_BASE, CurrentOrganization, buildOrganizationTree, toApiFailure } from '@vestnik/editor/data-access';

/**
 * The organizations page's view of the list: `CurrentOrganization`'s own list, or, while archived
 * ones are shown, the same list with them (asked for only then).
 */
@Injectable()
export class OrganizationDirectory {
  private readonly current = inject(CurrentOrganization);

  readonly includeArchived = signal(false);
  private readonly withArchived = httpResource<OrganizationView[]>(() =>
    this.includeArchived() ? `${API_BASE}/organizations?includeArchived=true` : undefined,
  );
  private readonly source = computed(() => (this.includeArchived() ? this.withArchived : this.current.all));

  /**
   * The last list that came: while the other list is on its way (archived ones just switched on),
   * the one in view stays, so the selected organization and its notices are not dropped meanwhile.
   */
  readonly organizations = linkedSignal<readonly OrganizationView[] | undefined, readonly OrganizationView[]>({
    source: () => {
      const source = this.source();
      return source.hasValue() && !source.isLoading() ? source.value() : undefined;
    },
    computation: (list, previous) => list ?? previous?.value ?? [],
  });
  /** An answer has come (a reload keeps the last one in view). */
  readonly loaded = computed(() => {
    const status = this.source().status();
    return status === 'resolved' || status === 'reloading' || status === 'local' || this.organizations().length > 0;
  });
  /** A list is on its way (after a change, or archived ones switched on). */
  readonly loading = computed(() => this.source().isLoading());
  readonly failure = computed(() => {
    const error = this.source().error();
    return error ? toApiFailure(error) : null;
  });

  readonly tree = computed(() => buildOrganizationTree(this.organizations()));
  readonly byId = computed(() => new Map(this.organizations().map((o) => [o.id, o])));

  /** After a create, rename, archive or retry: the shell's switcher and every page see the change. */
  reload(): void {
    this.current.reload();
    if (this.includeArchived()) this.withArchived.reload();
  }

  showArchived(show: boolean): void {
    this.includeArchived.set(show);
  }
}
