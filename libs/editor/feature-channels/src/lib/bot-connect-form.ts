import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { CreateChannelRequest, type ChannelView, type Platform } from '@vestnik/contracts';
import { ChannelsApi, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FieldRules, FormField, SubmitButton, formSubmission, maxLengthOf } from '@vestnik/editor/ui';

const NAME_MAX = maxLengthOf(CreateChannelRequest, 'name') ?? Number.MAX_SAFE_INTEGER;
const TARGET_MAX = maxLengthOf(CreateChannelRequest, 'target') ?? Number.MAX_SAFE_INTEGER;

/** The form's words: each platform has them all under `channels.<platform>.`. */
const BOT_FORM_TEXTS = [
  'stepsHeading', 'step1', 'step2', 'step3', 'step4', 'step5', 'formLabel', 'notConnected', 'target', 'targetHint', 'targetPlaceholder',
  'nameHint', 'namePlaceholder', 'token', 'tokenHint', 'tokenPlaceholder', 'showToken', 'busy', 'submit',
] as const;
type BotFormText = (typeof BOT_FORM_TEXTS)[number];

/** The platforms whose channels are connected with the organization's own bot and its token. */
export type BotPlatform = Extract<Platform, 'telegram' | 'max'>;

/**
 * A Telegram or MAX channel with the organization's own bot: the steps a person follows on the
 * platform, then the bot's token and the channel's address. The server asks the platform whether
 * the bot may post there. The words are the platform's own (`channels.telegram.*`, `channels.max.*`).
 */
@Component({
  selector: 'vn-bot-connect-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './bot-connect-form.html',
  styleUrl: './bot-connect-form.css',
})
export class BotConnectForm {
  readonly platform = input.required<BotPlatform>();
  readonly organizationId = input.required<string>();
  readonly connected = output<ChannelView>();

  private readonly api = inject(ChannelsApi);
  protected readonly t = inject(I18n).t;
  /** The form's words, the platform's own (`channels.telegram.*` or `channels.max.*`). */
  protected readonly texts = computed(() => {
    const platform = this.platform();
    return Object.fromEntries(BOT_FORM_TEXTS.map((name) => [name, this.t(`channels.${platform}.${name}`)])) as Record<BotFormText, string>;
  });

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
        platform: this.platform(),
        name: name.trim(),
        // MAX takes its own max.ru links as they are (the adapter reads them); Telegram's API wants «@name».
        target: this.platform() === 'telegram' ? normalTarget(target) : target.trim(),
        credentials: { botToken: credentials.botToken.trim() },
      }),
    );
    if (!created) return;
    this.form.reset();
    this.showToken.set(false);
    this.connected.emit(created);
  }
}

/** «t.me/minobr65» and «https://t.me/minobr65» as Telegram's API wants them: «@minobr65». */
export function normalTarget(value: string): string {
  const trimmed = value.trim();
  const link = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/([A-Za-z][A-Za-z0-9_]{3,})\/?$/i.exec(trimmed);
  if (link) return `@${link[1]}`;
  return trimmed;
}
