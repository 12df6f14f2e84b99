import { ElementRef, Injector, inject, signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { ApiErrorBody } from '@vestnik/contracts';
import { Observable, firstValueFrom, isObservable } from 'rxjs';
import { applyServerErrors } from './field-rules';
import { focusFirstInvalid } from './focus-first-invalid';

/** What a form shows above its fields: the server's answer that no single field could hold. */
export type FormFailure = ApiErrorBody & { retryAfterSeconds?: number };

/**
 * The one way a form sends. It refuses to send twice, marks and focuses invalid fields instead of
 * sending, puts the server's field errors beside their fields and keeps the rest as `failure`.
 * What the person typed is never reset here: on success the caller decides what to do next.
 */
export class FormSubmission {
  readonly sending = signal(false);
  readonly failure = signal<FormFailure | null>(null);

  constructor(
    private readonly form: AbstractControl,
    private readonly toFailure: (error: unknown) => FormFailure | null,
    private readonly host: HTMLElement,
    private readonly injector: Injector,
  ) {}

  /** Sends when the form is valid; answers the result, or undefined when nothing was sent or it failed. */
  async run<T>(send: () => Observable<T> | Promise<T>): Promise<T | undefined> {
    if (this.sending()) return undefined;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return undefined;
    }
    this.sending.set(true);
    try {
      const pending = send();
      return await (isObservable(pending) ? firstValueFrom(pending) : pending);
    } catch (error) {
      const failure = this.toFailure(error);
      if (failure) {
        const unplaced = failure.code === 'validation_failed' ? applyServerErrors(this.form, failure.errors) : [];
        if (failure.code !== 'validation_failed' || unplaced.length) this.failure.set(failure);
      }
      focusFirstInvalid(this.host, this.injector);
      return undefined;
    } finally {
      this.sending.set(false);
    }
  }
}

/**
 * A `FormSubmission` for a component's form; call it in the component's field initialisers.
 * `toFailure` is data-access's `toApiFailure` (passed in: this library does not reach the API itself),
 * or a function around it that answers null for a refusal the form has already acted on (e.g. by
 * asking for a one-time code), so nothing is shown above the fields.
 */
export function formSubmission(form: AbstractControl, toFailure: (error: unknown) => FormFailure | null): FormSubmission {
  return new FormSubmission(form, toFailure, inject<ElementRef<HTMLElement>>(ElementRef).nativeElement, inject(Injector));
}
