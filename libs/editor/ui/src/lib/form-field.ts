import {
  AfterContentInit,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Directive,
  HostAttributeToken,
  computed,
  contentChild,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NgControl } from '@angular/forms';
import { I18n } from '@vestnik/editor/i18n';
import { describeControlErrors } from './control-messages';

let nextFieldId = 0;

/**
 * Marks the input inside a `vn-form-field`: gives it the field's id, `aria-invalid` and
 * `aria-describedby` pointing at the hint and the error message.
 */
@Directive({
  selector: '[vnControl]',
  host: {
    '[id]': 'id',
    '[attr.aria-invalid]': 'field.error() ? "true" : null',
    '[attr.aria-describedby]': 'field.describedBy()',
  },
})
export class FieldControl implements AfterContentInit {
  protected readonly field = inject(FormField);
  /** An id written on the input wins, so pages can focus it by a stable id. */
  readonly id = inject(new HostAttributeToken('id'), { optional: true }) ?? this.field.generatedId;
  private readonly ngControl = inject(NgControl, { self: true });
  private readonly destroyRef = inject(DestroyRef);
  /** Bumped on every control event: reactive forms do not speak signals yet. */
  readonly revision = signal(0);

  get control() {
    return this.ngControl.control;
  }

  // The control of `formControlName` exists only after its own hooks ran, hence after-content.
  ngAfterContentInit(): void {
    this.control?.events.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.revision.update((n) => n + 1));
    this.revision.update((n) => n + 1);
  }
}

/** Label, optional hint, the projected input and its error message in the interface's language, linked for screen readers. */
@Component({
  selector: 'vn-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  template: `
    <label class="field__label" [attr.for]="fieldControl()?.id">
      {{ label() }}
      @if (optional()) {
        <span class="field__optional">{{ t('forms.field.optional') }}</span>
      }
    </label>
    @if (hint()) {
      <p class="field__hint" [id]="hintId">{{ hint() }}</p>
    }
    <ng-content />
    @if (error(); as message) {
      <p class="field__error" [id]="errorId">{{ message }}</p>
    }
  `,
})
export class FormField {
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly optional = input(false);
  /** Replaces the default text for a rule, e.g. `{ pattern: 'Код — 6 цифр' }`. */
  readonly messages = input<Readonly<Record<string, string>>>({});

  readonly generatedId = `vn-field-${nextFieldId++}`;
  readonly hintId = `${this.generatedId}-hint`;
  readonly errorId = `${this.generatedId}-error`;

  protected readonly fieldControl = contentChild(FieldControl);

  readonly error = computed(() => {
    const marker = this.fieldControl();
    if (!marker) return null;
    marker.revision();
    const control = marker.control;
    if (!control || !control.invalid || !(control.touched || control.hasError('server'))) return null;
    return describeControlErrors(control.errors, this.label(), this.t, this.i18n.lang(), this.messages());
  });

  readonly describedBy = computed(() => {
    const ids = [this.hint() ? this.hintId : null, this.error() ? this.errorId : null].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  });
}
