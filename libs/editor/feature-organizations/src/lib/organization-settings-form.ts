import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { UpdateOrganizationRequest, type OrganizationView } from '@vestnik/contracts';
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
  timeZoneChoices,
} from '@vestnik/editor/ui';

/** The select's value for "no zone of its own": the API takes `timezone: null` for that. */
const INHERIT = '';

/** Admin form: name, own or inherited time zone, second-factor, self-approval and four-eyes rules. */
@Component({
  selector: 'vn-organization-settings-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './organization-settings-form.html',
})
export class OrganizationSettingsForm implements OnInit {
  readonly organization = input.required<OrganizationView>();
  readonly saved = output<OrganizationView>();
  readonly cancelled = output<void>();

  private readonly api = inject(OrganizationsApi);
  protected readonly t = inject(I18n).t;

  protected readonly inherit = INHERIT;
  protected readonly zones = computed(() => timeZoneChoices(this.t));
  /** An ancestor requiring four eyes: self-approval cannot be switched on here. */
  protected readonly requiredAbove = computed(() => {
    const o = this.organization();
    const requiredBy = o.fourEyes.requiredBy;
    return requiredBy && requiredBy.id !== o.id ? requiredBy : null;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [FieldRules.filled, ...contractLength(UpdateOrganizationRequest, 'name')]],
    timezone: [INHERIT],
    requireAdminTotp: [false],
    allowSelfApproval: [false],
    requireFourEyesInSubtree: [false],
  });
  private readonly submission = formSubmission(this.form, toApiFailure);
  protected readonly sending = this.submission.sending;
  protected readonly failure = this.submission.failure;

  ngOnInit(): void {
    const o = this.organization();
    this.form.setValue({
      name: o.name,
      timezone: o.ownTimezone ?? (o.parentId ? INHERIT : o.timezone),
      requireAdminTotp: o.requireAdminTotp,
      allowSelfApproval: o.allowSelfApproval,
      requireFourEyesInSubtree: o.requireFourEyesInSubtree,
    });
    // The server would refuse it (409): the switch stays as set, greyed out while the requirement holds.
    if (this.requiredAbove()) this.form.controls.allowSelfApproval.disable();
    // A root organization has nobody to inherit from: its zone is always its own.
    if (!o.parentId) this.form.controls.timezone.addValidators([Validators.required, FieldRules.timeZone]);
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const updated = await this.submission.run(() =>
      this.api.update(this.organization().id, {
        name: value.name.trim(),
        timezone: value.timezone === INHERIT ? null : value.timezone,
        requireAdminTotp: value.requireAdminTotp,
        allowSelfApproval: value.allowSelfApproval,
        requireFourEyesInSubtree: value.requireFourEyesInSubtree,
      }),
    );
    if (updated) this.saved.emit(updated);
  }
}
