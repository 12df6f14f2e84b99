import type { ChannelView, Platform } from '@vestnik/contracts';
import { PLATFORMS } from '@vestnik/contracts';

/** The part of an organization tree node the picker needs (data-access's `OrganizationNode` fits). */
export interface OrganizationBranch {
  organization: { id: string; name: string };
  children: readonly OrganizationBranch[];
}

export interface ChannelFilter {
  /** Words to find in the page's name, its community name or address, or the names of its organization and the ones above it. */
  query: string;
  /** Platforms to show; empty: all. */
  platforms: readonly Platform[];
}

/** An organization of the subtree, as a row of the picker, with the pages that pass the filter. */
export interface OrganizationRow {
  id: string;
  name: string;
  depth: number;
  /** Its own pages that pass the filter. */
  channels: ChannelView[];
  /** Pages that pass the filter here and in every organization below. */
  subtreeChannels: ChannelView[];
}

export type SelectionState = 'none' | 'some' | 'all';

/** Lower case, «ё» as «е», single spaces: what people type is compared with what is stored. */
export function normalizeForSearch(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim(); // i18n-exempt: folds «ё» into «е» in names, which are data
}

/** A disabled page is chosen only one at a time, on purpose: whole-organization ticks leave it out. */
export function isBulkSelectable(channel: ChannelView): boolean {
  return channel.health.state !== 'disabled';
}

/**
 * The picker's rows: the organization `root` and everything below it that has a page passing the
 * filter, depth-first in the tree's order. Pages of organizations the tree does not show (archived
 * ones) are put under `root`, so no page of the subtree is unreachable.
 */
export function organizationRows(root: OrganizationBranch | null, channels: readonly ChannelView[], filter: ChannelFilter): OrganizationRow[] {
  const words = normalizeForSearch(filter.query).split(' ').filter(Boolean);
  const platforms = new Set(filter.platforms);
  const byOrganization = new Map<string, ChannelView[]>();
  for (const channel of channels) {
    const list = byOrganization.get(channel.organizationId) ?? [];
    list.push(channel);
    byOrganization.set(channel.organizationId, list);
  }
  const rows: OrganizationRow[] = [];
  if (!root) return rows;

  const known = new Set<string>();
  const collect = (branch: OrganizationBranch) => {
    known.add(branch.organization.id);
    branch.children.forEach(collect);
  };
  collect(root);
  const strays = channels.filter((c) => !known.has(c.organizationId));

  // Returns the pages of the branch that pass, adding its row (and its descendants') when any does.
  const visit = (branch: OrganizationBranch, depth: number, names: string): ChannelView[] => {
    const path = `${names} ${normalizeForSearch(branch.organization.name)}`;
    const own = [...(byOrganization.get(branch.organization.id) ?? []), ...(depth === 0 ? strays : [])].filter((c) => passes(c, path, words, platforms));
    const row: OrganizationRow = { id: branch.organization.id, name: branch.organization.name, depth, channels: own, subtreeChannels: [] };
    const at = rows.length;
    rows.push(row);
    const below = branch.children.flatMap((child) => visit(child, depth + 1, path));
    row.subtreeChannels = [...own, ...below];
    if (row.subtreeChannels.length === 0) rows.splice(at, 1);
    return row.subtreeChannels;
  };
  visit(root, 0, '');
  return rows;
}

function passes(channel: ChannelView, organizationPath: string, words: readonly string[], platforms: ReadonlySet<Platform>): boolean {
  if (platforms.size > 0 && !platforms.has(channel.platform)) return false;
  if (words.length === 0) return true;
  const haystack = `${organizationPath} ${normalizeForSearch(`${channel.name} ${channel.displayName ?? ''} ${channel.target}`)}`;
  return words.every((word) => haystack.includes(word));
}

/** The selection with `ids` added (in their order, after what was chosen) or removed. */
export function withChannels(selected: readonly string[], ids: readonly string[], on: boolean): string[] {
  if (on) {
    const out = [...selected];
    const present = new Set(selected);
    for (const id of ids) {
      if (present.has(id)) continue;
      present.add(id);
      out.push(id);
    }
    return out;
  }
  const removed = new Set(ids);
  return selected.filter((id) => !removed.has(id));
}

/** The pages a whole-organization tick takes: its own, or with every organization below it; disabled ones left out. */
export function pagesOfOrganization(row: OrganizationRow, withSubOrganizations: boolean): string[] {
  return (withSubOrganizations ? row.subtreeChannels : row.channels).filter(isBulkSelectable).map((c) => c.id);
}

/** How much of a group is chosen, for a checkbox that may be half-ticked. */
export function selectionState(ids: readonly string[], selected: ReadonlySet<string>): SelectionState {
  if (ids.length === 0) return 'none';
  const chosen = ids.filter((id) => selected.has(id)).length;
  return chosen === 0 ? 'none' : chosen === ids.length ? 'all' : 'some';
}

/** Chosen pages by platform; ids of pages not (or no longer) listed are not counted. */
export function countByPlatform(selected: readonly string[], channels: ReadonlyMap<string, ChannelView>): Record<Platform, number> {
  const counts = Object.fromEntries(PLATFORMS.map((p) => [p, 0])) as Record<Platform, number>;
  for (const id of new Set(selected)) {
    const channel = channels.get(id);
    if (channel) counts[channel.platform] += 1;
  }
  return counts;
}

/** The platforms the chosen pages are on, in the usual order. */
export function chosenPlatforms(selected: readonly string[], channels: ReadonlyMap<string, ChannelView>): Platform[] {
  const counts = countByPlatform(selected, channels);
  return PLATFORMS.filter((p) => counts[p] > 0);
}
