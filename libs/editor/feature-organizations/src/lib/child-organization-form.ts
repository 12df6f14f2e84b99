import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { OrganizationView } from '@vestnik/contracts';
import { OrganizationsApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import {
  AlertMessage,
  FieldControl,
  FieldRules,
  FormField,
  SubmitButton,
  applyServerErrors,
  focusFirstInvalid,
  shortTimeZone,
  timeZoneChoices,
} from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';

const INHERIT = '';

/** Creates a subordinate organization under the selected one. */
@Component({
  selector: 'vn-child-organization-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './child-organization-form.html',
})
export class ChildOrganizationForm {
  readonly parent = input.required<OrganizationView>();
  readonly created = output<OrganizationView>();
  readonly cancelled = output<void>();

  private readonly api = inject(OrganizationsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly inherit = INHERIT;
  protected readonly zones = timeZoneChoices();
  protected readonly zoneLabel = shortTimeZone;
  protected readonly sending = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [FieldRules.filled, Validators.maxLength(200)]],
    timezone: [INHERIT],
  });

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { name, timezone } = this.form.getRawValue();
    this.sending.set(true);
    try {
      const organization = await firstValueFrom(
        this.api.create({
          name: name.trim(),
          parentId: this.parent().id,
          ...(timezone === INHERIT ? {} : { timezone }),
        }),
      );
      this.created.emit(organization);
    } catch (error) {
      const failure = toApiFailure(error);
      const unplaced = failure.code === 'validation_failed' ? applyServerErrors(this.form, failure.errors) : [];
      if (failure.code !== 'validation_failed' || unplaced.length) this.failure.set(failure);
      focusFirstInvalid(this.host.nativeElement, this.injector);
    } finally {
      this.sending.set(false);
    }
  }
}
