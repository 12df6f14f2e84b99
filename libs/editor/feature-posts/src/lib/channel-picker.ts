import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { PLATFORMS, type ChannelState, type ChannelView, type Platform } from '@vestnik/contracts';
import { I18n } from '@vestnik/editor/i18n';
import {
  OrganizationBranch,
  OrganizationRow,
  countByPlatform,
  isBulkSelectable,
  organizationRows,
  pagesOfOrganization,
  selectionState,
  withChannels,
} from './channel-selection';

/** Above this many pages shown, organizations start folded: their rows stay, their pages open on demand. */
const FOLD_ABOVE = 40;

/**
 * The pages a post goes to, chosen in the organization's subtree: by search, by platform and by
 * whole organizations (with their sub-organizations or without), so «every school's VK and
 * Telegram» is two platform buttons and one tick. Counts per platform are always in view.
 */
@Component({
  selector: 'vn-channel-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-picker.html',
  styleUrl: './channel-picker.css',
})
export class ChannelPicker {
  protected readonly t = inject(I18n).t;
  readonly channels = input.required<readonly ChannelView[]>();
  /** The organization the post belongs to, with everything below it. */
  readonly root = input.required<OrganizationBranch | null>();
  readonly selected = input.required<readonly string[]>();
  readonly disabled = input(false);
  /** The field's error, shown under the summary; the search box carries `aria-invalid`. */
  readonly error = input<string | null>(null);

  readonly selectedChange = output<string[]>();

  protected readonly platforms = PLATFORMS;

  protected readonly query = signal('');
  protected readonly shownPlatforms = signal<Platform[]>([]);
  protected readonly withSubOrganizations = signal(true);
  /** Organizations whose fold the person switched (from the default). */
  private readonly switched = signal<ReadonlySet<string>>(new Set());

  private readonly selectedSet = computed(() => new Set(this.selected()));
  private readonly byId = computed(() => new Map(this.channels().map((c) => [c.id, c])));
  protected readonly rows = computed(() => organizationRows(this.root(), this.channels(), { query: this.query(), platforms: this.shownPlatforms() }));
  /** Every page the filter shows, and those of them a bulk tick takes. */
  protected readonly shown = computed(() => this.rows()[0]?.subtreeChannels ?? []);
  private readonly shownSelectable = computed(() => this.shown().filter(isBulkSelectable).map((c) => c.id));
  protected readonly shownState = computed(() => selectionState(this.shownSelectable(), this.selectedSet()));
  protected readonly counts = computed(() => countByPlatform(this.selected(), this.byId()));
  protected readonly total = computed(() => this.platforms.reduce((sum, p) => sum + this.counts()[p], 0));
  /** Chosen pages the list no longer has (deleted, or of another organization): they would be refused on saving. */
  protected readonly gone = computed(() => this.selected().filter((id) => !this.byId().has(id)));
  protected readonly countsAll = computed(() => countByPlatform(this.channels().map((c) => c.id), this.byId()));
  private readonly foldByDefault = computed(() => this.shown().length > FOLD_ABOVE);

  /** Rows in view: a folded organization hides its own pages and the organizations below it. */
  protected readonly visibleRows = computed(() => {
    const out: { row: OrganizationRow; open: boolean; ids: string[]; state: ReturnType<typeof selectionState>; chosen: number }[] = [];
    let hiddenBelow: number | null = null;
    const selected = this.selectedSet();
    for (const row of this.rows()) {
      if (hiddenBelow !== null && row.depth > hiddenBelow) continue;
      hiddenBelow = null;
      const open = this.isOpen(row);
      if (!open) hiddenBelow = row.depth;
      const ids = pagesOfOrganization(row, this.withSubOrganizations());
      const counted = (this.withSubOrganizations() ? row.subtreeChannels : row.channels).filter((c) => selected.has(c.id)).length;
      out.push({ row, open, ids, state: selectionState(ids, selected), chosen: counted });
    }
    return out;
  });

  protected platformName(platform: Platform): string {
    return this.t(`common.platform.name.${platform}`);
  }

  protected platformShort(platform: Platform): string {
    return this.t(`common.platform.short.${platform}`);
  }

  protected stateLabel(state: ChannelState): string {
    return this.t(`common.channelState.${state}`);
  }

  protected isChosen(id: string): boolean {
    return this.selectedSet().has(id);
  }

  protected isOpen(row: OrganizationRow): boolean {
    // The root is never folded: its own pages are few and the list would otherwise look empty.
    if (row.depth === 0) return true;
    return !this.foldByDefault() !== this.switched().has(row.id);
  }

  protected toggleOpen(row: OrganizationRow): void {
    this.switched.update((set) => {
      const next = new Set(set);
      if (!next.delete(row.id)) next.add(row.id);
      return next;
    });
  }

  protected togglePlatform(platform: Platform): void {
    this.shownPlatforms.update((list) => (list.includes(platform) ? list.filter((p) => p !== platform) : PLATFORMS.filter((p) => p === platform || list.includes(p))));
  }

  protected toggleChannel(channel: ChannelView, on: boolean): void {
    this.emit(withChannels(this.selected(), [channel.id], on));
  }

  protected toggleOrganization(ids: string[], state: string): void {
    this.emit(withChannels(this.selected(), ids, state !== 'all'));
  }

  protected chooseShown(on: boolean): void {
    this.emit(withChannels(this.selected(), this.shownSelectable(), on));
  }

  protected dropGone(): void {
    this.emit(withChannels(this.selected(), this.gone(), false));
  }

  protected clear(): void {
    this.emit([]);
  }

  private emit(ids: string[]): void {
    if (!this.disabled()) this.selectedChange.emit(ids);
  }
}
