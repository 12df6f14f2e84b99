/** A page that can hold what a person typed and has not saved. */
export interface HoldsUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

export const LEAVE_UNSAVED_QUESTION =
  'Изменения в материале не сохранены. Уйти со страницы? Черновик останется на этом компьютере: при следующем открытии его можно будет восстановить.';

/**
 * `canDeactivate`: asks before leaving a page with unsaved changes (a closed tab or a reload is
 * asked by the page's `beforeunload`). Answers a plain boolean, so a route may load it lazily.
 */
export function unsavedChangesGuard(page: HoldsUnsavedChanges | null): boolean {
  return !page?.hasUnsavedChanges() || globalThis.confirm(LEAVE_UNSAVED_QUESTION);
}
