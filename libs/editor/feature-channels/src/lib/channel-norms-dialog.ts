import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, computed, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RUBRICS, type ChannelView, type Rubric } from '@vestnik/contracts';
import { ChannelsApi, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FormField, SubmitButton, formSubmission } from '@vestnik/editor/ui';
import { sharesMakeHundred, wholeNumberBetween } from './channel-norms';

/** The rubric mix the form offers when a page had none: the usual official-first balance. */
const SUGGESTED_MIX: Record<Rubric, number> = { official: 50, useful: 30, entertaining: 20 };

/**
 * A page's obligations, as the region sets them: the least number of posts a week, and the share of
 * each rubric. The coordinator's dashboard and the warnings judge the page against them.
 */
@Component({
  selector: 'vn-channel-norms-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  template: `
    <dialog #dialog class="dialog" aria-labelledby="channel-norms-title" (cancel)="onCancel($event)" (close)="onClose()">
      @if (channel(); as c) {
        <h2 id="channel-norms-title" class="dialog__title">{{ t('channels.norms.title', { name: c.name }) }}</h2>
        <p class="dialog__subject">{{ platformTitle() }} · {{ c.displayName ?? c.target }}</p>
        <p class="small muted">{{ t('channels.norms.intro') }}</p>
        <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-label]="t('channels.norms.formLabel')">
          @if (submission.failure(); as f) {
            <vn-alert tone="error" [heading]="t('channels.norms.notSaved')">{{ f.message }}</vn-alert>
          }
          <vn-form-field [label]="t('channels.norms.weeklyMinimum')" [hint]="t('channels.norms.weeklyMinimumHint')">
            <input vnControl id="norms-minimum" formControlName="weeklyMinimum" type="text" inputmode="numeric" autocomplete="off" class="norms__number" />
          </vn-form-field>
          <fieldset class="norms__mix" formGroupName="rubricMix" [attr.aria-describedby]="mixError() ? 'norms-mix-error' : null">
            <legend>{{ t('channels.norms.mix') }}</legend>
            <label class="check">
              <input type="checkbox" [formControl]="form.controls.useMix" />
              {{ t('channels.norms.useMix') }}
            </label>
            @if (form.controls.useMix.value) {
              <div class="norms__shares">
                @for (r of rubrics; track r) {
                  <vn-form-field [label]="shareLabel(r)">
                    <input vnControl [id]="'norms-' + r" [formControlName]="r" type="text" inputmode="numeric" autocomplete="off" class="norms__number" />
                  </vn-form-field>
                }
              </div>
              @if (mixError(); as message) {
                <p id="norms-mix-error" class="field__error">{{ message }}</p>
              }
            }
          </fieldset>
          <div class="actions dialog__actions">
            <vn-submit-button [busy]="submission.sending()" [busyLabel]="t('channels.norms.saving')">{{ t('common.action.save') }}</vn-submit-button>
            <button type="button" class="btn" [disabled]="submission.sending()" (click)="dismissed.emit()">{{ t('common.action.cancel') }}</button>
          </div>
        </form>
      }
    </dialog>
  `,
  styles: `
    .dialog {
      width: min(36rem, calc(100vw - 2rem));
    }
    .norms__number {
      max-width: 8rem;
    }
    .norms__mix {
      border: 0;
      padding: 0;
      margin: 0.75rem 0 0;
    }
    .norms__mix legend {
      font-weight: 600;
      margin-bottom: 0.35rem;
    }
    .norms__shares {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      margin-top: 0.5rem;
    }
  `,
})
export class ChannelNormsDialog {
  readonly channel = input<ChannelView | null>(null);
  readonly saved = output<ChannelView>();
  readonly dismissed = output<void>();

  private readonly api = inject(ChannelsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly t = inject(I18n).t;

  protected readonly rubrics = RUBRICS;
  protected readonly form = this.fb.group({
    weeklyMinimum: ['', [wholeNumberBetween(0, 100, this.t)]],
    useMix: [false],
    rubricMix: this.fb.group(
      {
        official: ['', [wholeNumberBetween(0, 100, this.t)]],
        useful: ['', [wholeNumberBetween(0, 100, this.t)]],
        entertaining: ['', [wholeNumberBetween(0, 100, this.t)]],
      },
      { validators: [sharesMakeHundred(this.t)] },
    ),
  });
  protected readonly submission = formSubmission(this.form, toApiFailure);
  protected readonly platformTitle = computed(() => {
    const c = this.channel();
    return c ? this.t(`common.platform.name.${c.platform}`) : '';
  });
  /** Bumped on every change of the form: reactive forms do not speak signals yet. */
  private readonly revision = signal(0);
  protected readonly mixError = computed(() => {
    this.revision();
    const group = this.form.controls.rubricMix;
    const error = group.errors?.['sum'];
    return typeof error === 'string' && (group.touched || group.dirty) ? error : null;
  });

  constructor() {
    this.form.events.pipe(takeUntilDestroyed()).subscribe(() => this.revision.update((n) => n + 1));
    // The form follows the page it opens for; what a person typed is kept until they close it.
    effect(() => {
      const c = this.channel();
      if (!c) return;
      const mix = c.rubricMix ?? SUGGESTED_MIX;
      this.form.reset({
        weeklyMinimum: c.weeklyMinimum === null ? '' : String(c.weeklyMinimum),
        useMix: c.rubricMix !== null,
        rubricMix: { official: String(mix.official), useful: String(mix.useful), entertaining: String(mix.entertaining) },
      });
      this.submission.failure.set(null);
    });
    afterRenderEffect(() => {
      const element = this.dialog().nativeElement;
      const open = this.channel() !== null;
      if (open && !element.open) element.showModal();
      if (!open && element.open) element.close();
    });
  }

  protected async save(): Promise<void> {
    const c = this.channel();
    if (!c) return;
    const mixGroup = this.form.controls.rubricMix;
    // Shares that are switched off are not checked.
    if (!this.form.controls.useMix.value) mixGroup.disable({ emitEvent: false });
    const { weeklyMinimum, useMix, rubricMix } = this.form.getRawValue();
    const updated = await this.submission.run(() =>
      this.api.update(c.id, {
        weeklyMinimum: weeklyMinimum.trim() === '' ? null : Number(weeklyMinimum),
        rubricMix: useMix ? { official: Number(rubricMix.official), useful: Number(rubricMix.useful), entertaining: Number(rubricMix.entertaining) } : null,
      }),
    );
    mixGroup.enable({ emitEvent: false });
    if (updated) this.saved.emit(updated);
  }

  protected shareLabel(rubric: Rubric): string {
    return this.t('channels.norms.shareLabel', { rubric: this.t(`common.rubric.${rubric}`) });
  }

  protected onCancel(event: Event): void {
    if (this.submission.sending()) event.preventDefault();
  }

  protected onClose(): void {
    if (this.channel()) this.dismissed.emit();
  }
}
