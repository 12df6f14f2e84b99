import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { CreateChannelRequest, type ChannelView } from '@vestnik/contracts';
import { ChannelsApi, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FieldRules, FormField, SubmitButton, formSubmission, maxLengthOf } from '@vestnik/editor/ui';

const NAME_MAX = maxLengthOf(CreateChannelRequest, 'name') ?? Number.MAX_SAFE_INTEGER;
const TARGET_MAX = maxLengthOf(CreateChannelRequest, 'target') ?? Number.MAX_SAFE_INTEGER;

/**
 * A MAX channel with the organization's own bot: the steps a person follows in MAX, then the bot's
 * token and the channel's link or number. The server asks MAX whether the bot may post there.
 */
@Component({
  selector: 'vn-max-connect-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './max-connect-form.html',
  styleUrl: './telegram-connect-form.css',
})
export class MaxConnectForm {
  readonly organizationId = input.required<string>();
  readonly connected = output<ChannelView>();

  private readonly api = inject(ChannelsApi);
  protected readonly t = inject(I18n).t;

  protected readonly showToken = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    target: ['', [FieldRules.filled, Validators.maxLength(TARGET_MAX)]],
    name: ['', [FieldRules.filled, Validators.maxLength(NAME_MAX)]],
    credentials: inject(NonNullableFormBuilder).group({
      botToken: ['', [FieldRules.filled]],
    }),
  });
  protected readonly submission = formSubmission(this.form, toApiFailure);

  protected async submit(): Promise<void> {
    const { target, name, credentials } = this.form.getRawValue();
    const created = await this.submission.run(() =>
      this.api.create({
        organizationId: this.organizationId(),
        platform: 'max',
        name: name.trim(),
        target: target.trim(),
        credentials: { botToken: credentials.botToken.trim() },
      }),
    );
    if (!created) return;
    this.form.reset();
    this.showToken.set(false);
    this.connected.emit(created);
  }
}
