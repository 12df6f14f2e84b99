/** A page that can hold what a person typed and has not saved. */
export interface HoldsUnsavedChanges {
  hasUnsavedChanges(): boolean;
  /** What the person is asked before leaving, in the interface's language. */
  unsavedChangesQuestion(): string;
}

/**
 * `canDeactivate`: asks before leaving a page with unsaved changes (a closed tab or a reload is
 * asked by the page's `beforeunload`). Answers a plain boolean, so a route may load it lazily.
 */
export function unsavedChangesGuard(page: HoldsUnsavedChanges | null): boolean {
  return !page?.hasUnsavedChanges() || globalThis.confirm(page.unsavedChangesQuestion());
}
