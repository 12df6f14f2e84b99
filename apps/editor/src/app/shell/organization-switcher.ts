import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { CurrentOrganization, filterOrganizationOptions, flattenOrganizationTree } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { shortTimeZone } from '@vestnik/editor/ui';

/** More lines than this are not drawn: the person is asked to type more of the name instead. */
const SHOWN_LIMIT = 200;

/**
 * The header's choice of the organization every page works in: a button with its name and time
 * zone opening a searchable, indented list of the tree (a combobox: arrows, Enter, Escape).
 */
@Component({
  selector: 'vn-organization-switcher',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organization-switcher.html',
  styleUrl: './organization-switcher.css',
  host: { '(document:click)': 'closeOnOutsideClick($event)' },
})
export class OrganizationSwitcher {
  protected readonly current = inject(CurrentOrganization);
  protected readonly t = inject(I18n).t;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly toggleButton = viewChild<ElementRef<HTMLButtonElement>>('toggleRef');
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('search');

  protected readonly open = signal(false);
  protected readonly query = signal('');
  protected readonly active = signal(0);

  protected readonly zone = computed(() => {
    const zone = this.current.timezone();
    return zone ? shortTimeZone(zone, this.t) : '';
  });
  private readonly options = computed(() => flattenOrganizationTree(this.current.tree()));
  protected readonly total = computed(() => this.options().length);
  private readonly matches = computed(() => filterOrganizationOptions(this.options(), this.query()));
  protected readonly shown = computed(() => this.matches().slice(0, SHOWN_LIMIT));
  protected readonly hidden = computed(() => this.matches().length - this.shown().length);
  protected readonly searching = computed(() => this.query().trim().length > 0);
  protected readonly activeId = computed(() => {
    const option = this.shown()[this.active()];
    return option ? this.optionId(option.organization.id) : null;
  });

  protected optionId(id: string): string {
    return `org-option-${id}`;
  }

  protected toggle(): void {
    if (this.open()) this.close(true);
    else this.show();
  }

  private show(): void {
    this.query.set('');
    const index = this.shown().findIndex((o) => o.organization.id === this.current.id());
    this.active.set(Math.max(0, index));
    this.open.set(true);
    setTimeout(() => {
      this.searchInput()?.nativeElement.focus();
      this.scrollActiveIntoView();
    });
  }

  protected close(returnFocus: boolean): void {
    this.open.set(false);
    if (returnFocus) this.toggleButton()?.nativeElement.focus();
  }

  protected onSearch(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.active.set(0);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const count = this.shown().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count) this.active.set((this.active() + 1) % count);
        this.scrollActiveIntoView();
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active.set((this.active() - 1 + count) % count);
        this.scrollActiveIntoView();
        break;
      case 'Home':
        if (count) {
          event.preventDefault();
          this.active.set(0);
          this.scrollActiveIntoView();
        }
        break;
      case 'End':
        if (count) {
          event.preventDefault();
          this.active.set(count - 1);
          this.scrollActiveIntoView();
        }
        break;
      case 'Enter': {
        event.preventDefault();
        const option = this.shown()[this.active()];
        if (option) this.choose(option.organization.id);
        break;
      }
      case 'Escape':
        event.preventDefault();
        this.close(true);
        break;
      case 'Tab':
        this.close(false);
        break;
    }
  }

  protected choose(id: string): void {
    this.current.choose(id);
    this.close(true);
  }

  protected closeOnOutsideClick(event: MouseEvent): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.close(false);
  }

  private scrollActiveIntoView(): void {
    setTimeout(() => {
      const id = this.activeId();
      if (id) document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
    });
  }
}
