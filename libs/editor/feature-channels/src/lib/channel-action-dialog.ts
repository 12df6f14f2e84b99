import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, computed, inject, input, output, viewChild } from '@angular/core';
import type { ChannelView } from '@vestnik/contracts';
import type { ApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage } from '@vestnik/editor/ui';
import { type ChannelAction, confirmationFor } from './channel-actions';

export interface ActionRequest {
  action: ChannelAction;
  channel: ChannelView;
}

/**
 * The confirmation of an action on a channel, as a modal dialog: the browser's own `<dialog>` keeps
 * focus inside, closes on Escape and gives focus back to the button that opened it.
 */
@Component({
  selector: 'vn-channel-action-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertMessage],
  template: `
    <dialog #dialog class="dialog" aria-labelledby="channel-action-title" (cancel)="onCancel($event)" (close)="onClose()">
      @if (request(); as r) {
        @let text = confirmation();
        <h2 id="channel-action-title" class="dialog__title">{{ text?.title }}</h2>
        <p class="dialog__subject">
          {{ platformTitle() }} · {{ r.channel.displayName ?? r.channel.target }}
          @if (organizationName()) {
            · {{ organizationName() }}
          }
        </p>
        @for (p of text?.paragraphs; track $index) {
          <p>{{ p }}</p>
        }
        @if (failure(); as f) {
          <vn-alert tone="error" [heading]="t('channels.actions.failed')">
            <p>{{ f.message }}</p>
            @if (platformReason(); as reason) {
              <p>{{ t('channels.actions.platformAnswer', { reason }) }}</p>
            }
          </vn-alert>
        }
        <div class="actions dialog__actions">
          <button
            type="button"
            class="btn"
            [class.btn--danger]="text?.danger"
            [class.btn--primary]="!text?.danger"
            [disabled]="busy()"
            [attr.aria-busy]="busy() ? 'true' : null"
            (click)="confirmed.emit(r)"
          >
            @if (busy()) {
              <span class="spinner" aria-hidden="true"></span>
              {{ text?.busy }}
            } @else {
              {{ text?.confirm }}
            }
          </button>
          <button type="button" class="btn" [attr.autofocus]="text?.danger ? '' : null" [disabled]="busy()" (click)="dismissed.emit()">{{ t('common.action.cancel') }}</button>
        </div>
      }
    </dialog>
  `,
})
export class ChannelActionDialog {
  readonly request = input<ActionRequest | null>(null);
  readonly organizationName = input<string | null>(null);
  readonly busy = input(false);
  readonly failure = input<ApiFailure | null>(null);
  readonly confirmed = output<ActionRequest>();
  readonly dismissed = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly t = inject(I18n).t;

  protected readonly confirmation = computed(() => {
    const r = this.request();
    return r ? confirmationFor(r.action, r.channel, this.t) : null;
  });
  protected readonly platformTitle = computed(() => {
    const r = this.request();
    return r ? this.t(`common.platform.name.${r.channel.platform}`) : '';
  });
  /** The platform's own words, when the server sent them apart from its message. */
  protected readonly platformReason = computed(() => {
    const f = this.failure() as (ApiFailure & { platformReason?: unknown }) | null;
    const reason = f?.platformReason;
    return typeof reason === 'string' && !f?.message.includes(reason) ? reason : null;
  });

  constructor() {
    // After rendering, so the dialog opens with its content there and focus lands inside it
    // (on «Отмена» for an action that cannot be undone in one click).
    afterRenderEffect(() => {
      const element = this.dialog().nativeElement;
      const open = this.request() !== null;
      if (open && !element.open) element.showModal();
      if (!open && element.open) element.close();
    });
  }

  /** Escape while the request is in flight would hide its outcome: it waits. */
  protected onCancel(event: Event): void {
    if (this.busy()) event.preventDefault();
  }

  protected onClose(): void {
    if (this.request()) this.dismissed.emit();
  }
}
