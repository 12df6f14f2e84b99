import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { CreateOrganizationRequest, type OrganizationView } from '@vestnik/contracts';
import { OrganizationsApi, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import {
  AlertMessage,
  FieldControl,
  FieldRules,
  FormField,
  SubmitButton,
  contractLength,
  formSubmission,
  shortTimeZone,
  timeZoneChoices,
} from '@vestnik/editor/ui';

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
  protected readonly t = inject(I18n).t;

  protected readonly inherit = INHERIT;
  protected readonly zones = computed(() => timeZoneChoices(this.t));
  protected readonly zoneLabel = (zone: string) => shortTimeZone(zone, this.t);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [FieldRules.filled, ...contractLength(CreateOrganizationRequest, 'name')]],
    timezone: [INHERIT],
  });
  private readonly submission = formSubmission(this.form, toApiFailure);
  protected readonly sending = this.submission.sending;
  protected readonly failure = this.submission.failure;

  protected async submit(): Promise<void> {
    const { name, timezone } = this.form.getRawValue();
    const organization = await this.submission.run(() =>
      this.api.create({
        name: name.trim(),
        parentId: this.parent().id,
        ...(timezone === INHERIT ? {} : { timezone }),
      }),
    );
    if (organization) this.created.emit(organization);
  }
}
