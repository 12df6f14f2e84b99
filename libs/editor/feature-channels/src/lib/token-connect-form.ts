import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { CreateChannelRequest, type ChannelView } from '@vestnik/contracts';
import { ChannelsApi, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FieldRules, FormField, SubmitButton, formSubmission, maxLengthOf } from '@vestnik/editor/ui';

const NAME_MAX = maxLengthOf(CreateChannelRequest, 'name') ?? Number.MAX_SAFE_INTEGER;
const TARGET_MAX = maxLengthOf(CreateChannelRequest, 'target') ?? Number.MAX_SAFE_INTEGER;

/** The platforms whose keys may be pasted; their hints are under `channels.tokenForm.targetHint` and `.tokenHint`. */
type PastedPlatform = 'vk' | 'ok';

/** For specialists: a VK or OK page with a key obtained elsewhere; verified by the platform like any other. */
@Component({
  selector: 'vn-token-connect-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-label]="t('channels.tokenForm.formLabel')">
      @if (submission.failure(); as f) {
        <vn-alert tone="error" [heading]="t('channels.tokenForm.notConnected')">{{ f.message }}</vn-alert>
      }
      <fieldset class="group">
        <legend>{{ t('channels.tokenForm.platform') }}</legend>
        <div class="token__platforms">
          <div class="check">
            <input id="token-platform-vk" type="radio" formControlName="platform" value="vk" />
            <label for="token-platform-vk">{{ t('common.platform.name.vk') }}</label>
          </div>
          <div class="check">
            <input id="token-platform-ok" type="radio" formControlName="platform" value="ok" />
            <label for="token-platform-ok">{{ t('common.platform.name.ok') }}</label>
          </div>
        </div>
      </fieldset>
      <div class="token__grid">
        <vn-form-field [label]="t('channels.tokenForm.target')" [hint]="targetHint()">
          <input vnControl formControlName="target" type="text" autocomplete="off" spellcheck="false" />
        </vn-form-field>
        <vn-form-field [label]="t('channels.form.name')">
          <input vnControl formControlName="name" type="text" autocomplete="off" />
        </vn-form-field>
      </div>
      <div formGroupName="credentials">
        <vn-form-field [label]="t('channels.tokenForm.token')" [hint]="tokenHint()">
          <input vnControl formControlName="accessToken" type="password" autocomplete="off" spellcheck="false" />
        </vn-form-field>
      </div>
      <div class="actions">
        <vn-submit-button [busy]="submission.sending()" [busyLabel]="t('channels.tokenForm.busy')">{{ t('channels.tokenForm.submit') }}</vn-submit-button>
      </div>
    </form>
  `,
  styles: `
    .token__platforms {
      display: flex;
      gap: 1.5rem;
    }
    .token__grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
      column-gap: 1rem;
    }
  `,
})
export class TokenConnectForm {
  readonly organizationId = input.required<string>();
  readonly connected = output<ChannelView>();

  private readonly api = inject(ChannelsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly t = inject(I18n).t;

  protected readonly form = this.fb.group({
    platform: ['vk' as PastedPlatform],
    target: ['', [FieldRules.filled, Validators.maxLength(TARGET_MAX)]],
    name: ['', [FieldRules.filled, Validators.maxLength(NAME_MAX)]],
    credentials: this.fb.group({ accessToken: ['', [FieldRules.filled]] }),
  });
  protected readonly submission = formSubmission(this.form, toApiFailure);

  private readonly platform = toSignal(this.form.controls.platform.valueChanges, { initialValue: this.form.controls.platform.value });
  protected readonly targetHint = computed(() => this.t(`channels.tokenForm.targetHint.${this.platform()}`));
  protected readonly tokenHint = computed(() => this.t(`channels.tokenForm.tokenHint.${this.platform()}`));

  protected async submit(): Promise<void> {
    const { platform, target, name, credentials } = this.form.getRawValue();
    const created = await this.submission.run(() =>
      this.api.create({
        organizationId: this.organizationId(),
        platform,
        name: name.trim(),
        target: target.trim(),
        credentials: { accessToken: credentials.accessToken.trim() },
      }),
    );
    if (!created) return;
    this.form.reset();
    this.connected.emit(created);
  }
}
