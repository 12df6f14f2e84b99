import { Injector, afterNextRender } from '@angular/core';

/** After a rejected submit, moves focus to the first field in error so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(host: HTMLElement, injector: Injector): void {
  afterNextRender({ read: () => host.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus() }, { injector });
}

/** Focuses an element by id once the view shows it (a field that has just appeared). */
export function focusAfterRender(id: string, injector: Injector): void {
  afterNextRender({ read: () => document.getElementById(id)?.focus() }, { injector });
}
