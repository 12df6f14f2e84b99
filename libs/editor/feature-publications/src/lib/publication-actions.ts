import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, computed, inject, input, output, signal, Injector } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import type { PublicationView } from '@vestnik/contracts';
import { PublicationsApi, toApiFailure, type ApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FormField, SubmitButton, formSubmission } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';

/** The most the server stores for a post's address. */
const URL_MAX_LENGTH = 2000;

type Confirming = 'mark-published' | 'republish' | null;

/**
 * «Это опубликовано» and «Опубликовать снова» for a publication a person must decide on, each behind
 * an inline confirmation; the address of the post found on the page is optional.
 */
@Component({
  selector: 'vn-publication-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, AlertMessage, FormField, FieldControl, SubmitButton],
  templateUrl: './publication-actions.html',
  styleUrl: './publication-actions.css',
})
export class PublicationActions {
  readonly publication = input.required<Pick<PublicationView, 'id' | 'status' | 'channelName' | 'platform'>>();
  /** How the person knows the post, for the confirmation's words. */
  readonly postLabel = input.required<string>();
  readonly settled = output<{ action: 'mark-published' | 'republish'; publication: PublicationView }>();

  private readonly api = inject(PublicationsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly t = inject(I18n).t;

  protected readonly confirming = signal<Confirming>(null);
  protected readonly page = computed(() =>
    this.t('publications.actions.page', { channel: this.publication().channelName, platform: this.t(`common.platform.name.${this.publication().platform}`) }),
  );

  protected readonly markForm = new FormGroup({
    url: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^https?:\/\/\S+$/i), Validators.maxLength(URL_MAX_LENGTH)] }),
  });
  protected readonly marking = formSubmission(this.markForm, (error) => toApiFailure(error, this.t));

  protected readonly republishing = signal(false);
  protected readonly republishFailure = signal<ApiFailure | null>(null);

  protected open(which: Exclude<Confirming, null>): void {
    this.confirming.set(which);
    this.marking.failure.set(null);
    this.republishFailure.set(null);
    // The confirmation replaces the buttons: keyboard focus goes where the decision is taken.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-confirm-focus]')?.focus(), { injector: this.injector });
  }

  protected cancel(): void {
    this.confirming.set(null);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-actions-start]')?.focus(), { injector: this.injector });
  }

  protected async markPublished(): Promise<void> {
    const url = this.markForm.controls.url.value.trim();
    const publication = await this.marking.run(() => this.api.markPublished(this.publication().id, url ? { url } : {}));
    if (publication) this.done('mark-published', publication);
  }

  protected async republish(): Promise<void> {
    if (this.republishing()) return;
    this.republishing.set(true);
    this.republishFailure.set(null);
    try {
      this.done('republish', await firstValueFrom(this.api.republish(this.publication().id)));
    } catch (error) {
      this.republishFailure.set(toApiFailure(error, this.t));
    } finally {
      this.republishing.set(false);
    }
  }

  private done(action: 'mark-published' | 'republish', publication: PublicationView): void {
    this.confirming.set(null);
    this.markForm.reset();
    this.settled.emit({ action, publication });
  }
}
