import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import type { OrganizationNode } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { shortTimeZone } from '@vestnik/editor/ui';

/** One level of the tree: a list whose items hold the next level (it renders itself recursively). */
@Component({
  selector: 'vn-organization-tree-branch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organization-tree.html',
  styleUrl: './organization-tree.css',
})
export class OrganizationTreeBranch {
  readonly nodes = input.required<readonly OrganizationNode[]>();
  readonly selectedId = input<string | null>(null);
  readonly collapsed = input.required<ReadonlySet<string>>();
  readonly selected = output<string>();
  readonly toggled = output<string>();

  protected readonly t = inject(I18n).t;
  protected readonly zoneLabel = (zone: string) => shortTimeZone(zone, this.t);
}

/** Indented, collapsible organization tree (region → ministry → school) as nested lists of buttons. */
@Component({
  selector: 'vn-organization-tree',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OrganizationTreeBranch],
  template: `
    <vn-organization-tree-branch
      [nodes]="nodes()"
      [selectedId]="selectedId()"
      [collapsed]="collapsed()"
      (selected)="selected.emit($event)"
      (toggled)="toggle($event)"
    />
  `,
})
export class OrganizationTree {
  readonly nodes = input.required<readonly OrganizationNode[]>();
  readonly selectedId = input<string | null>(null);
  readonly selected = output<string>();

  /** Branches start expanded: most users see a handful of organizations and want all of them at once. */
  protected readonly collapsed = signal<ReadonlySet<string>>(new Set());

  protected toggle(id: string): void {
    this.collapsed.update((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }
}
