import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { AbstractControl, FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { OAuthPageChoice, type ChannelOAuthConnectionView, type ChannelView, type CreateOAuthChannelsResponse, type OAuthPageError } from '@vestnik/contracts';
import { ChannelOAuthApi, CurrentOrganization, oauthConnectionUrl, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone, FieldControl, FieldRules, FormField, SubmitButton, formSubmission, maxLengthOf } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { formatWhen, subtreeOrder } from './channel-list';
import { connectableOrganizations, indentedName, signInName } from './connect-texts';

const NAME_MAX = maxLengthOf(OAuthPageChoice, 'name') ?? Number.MAX_SAFE_INTEGER;

type Choice = FormGroup<{ selected: FormControl<boolean>; name: FormControl<string>; organizationId: FormControl<string> }>;

/** One page or more must be ticked: the array's own rule. */
function somethingChosen(control: AbstractControl): ValidationErrors | null {
  const array = control as FormArray<Choice>;
  return array.controls.some((c) => c.controls.selected.value) ? null : { noneChosen: true };
}

/** What became of a chosen page. */
type PageOutcome = { kind: 'created'; channel: ChannelView } | { kind: 'refused'; error: OAuthPageError };

/**
 * After the platform's consent: the pages the account may post to. The person ticks them (VK: one
 * per sign-in, as its refresh key cannot be shared), names each and places it in an organization of
 * the subtree; the server creates and verifies them in one request and answers per page.
 */
@Component({
  selector: 'vn-oauth-pages-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './oauth-pages-form.html',
  styleUrl: './oauth-pages-form.css',
})
export class OAuthPagesForm {
  readonly connectionId = input.required<string>();

  private readonly api = inject(ChannelOAuthApi);
  private readonly current = inject(CurrentOrganization);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly connection = httpResource<ChannelOAuthConnectionView>(() => oauthConnectionUrl(this.connectionId()));
  protected readonly view = computed(() => (this.connection.hasValue() ? this.connection.value() : null));
  protected readonly loadFailure = computed(() => {
    const error = this.connection.error();
    return error ? toApiFailure(error) : null;
  });

  protected readonly platformTitle = computed(() => {
    const v = this.view();
    return v ? this.t(`common.platform.name.${v.platform}`) : '';
  });
  protected readonly signIn = computed(() => {
    const v = this.view();
    return v ? signInName(v.platform, this.t) : '';
  });
  /** Pages not connected in Vestnik yet: the only ones that can be chosen. */
  protected readonly openCount = computed(() => this.view()?.pages.filter((p) => !p.alreadyConnected).length ?? 0);
  /** VK ID: one community per sign-in. */
  protected readonly single = computed(() => this.view()?.platform === 'vk');
  protected readonly organizations = computed(() => {
    const v = this.view();
    return v ? connectableOrganizations(subtreeOrder(this.current.tree(), v.organizationId)) : [];
  });
  protected readonly indented = indentedName;
  protected readonly expires = computed(() => {
    const v = this.view();
    if (!v) return null;
    const zone = this.current.byId().get(v.organizationId)?.timezone ?? this.current.timezone() ?? 'Europe/Moscow';
    return this.t('channels.oauthPages.expiresAt', { when: formatWhen(v.expiresAt, zone, this.i18n.locale()), zone: describeTimeZone(zone, this.t) });
  });

  protected readonly choices = this.fb.array<Choice>([], { validators: somethingChosen });
  protected readonly form = this.fb.group({ choices: this.choices });
  protected readonly submission = formSubmission(this.form, toApiFailure);

  protected readonly outcomes = signal<ReadonlyMap<string, PageOutcome>>(new Map());
  protected readonly created = computed(() => [...this.outcomes().values()].flatMap((o) => (o.kind === 'created' ? [o.channel] : [])));
  /** A channel was made: the server forgot the connection, the rest needs a new sign-in. */
  protected readonly finished = computed(() => this.created().length > 0);
  protected readonly restarting = signal(false);
  protected readonly restartFailure = signal<string | null>(null);

  constructor() {
    // The rows are built once per connection; later loads of the same one keep what was typed.
    let builtFor: string | null = null;
    effect(() => {
      const v = this.view();
      if (!v || builtFor === v.id) return;
      builtFor = v.id;
      untracked(() => this.build(v));
    });
  }

  protected chooseOnly(index: number): void {
    this.choices.controls.forEach((c, i) => c.controls.selected.setValue(i === index));
    this.choices.markAsTouched();
  }

  protected outcomeOf(target: string): PageOutcome | undefined {
    return this.outcomes().get(target);
  }

  protected organizationName(id: string): string {
    return this.current.byId().get(id)?.name ?? '';
  }

  protected async submit(): Promise<void> {
    const v = this.view();
    if (!v || this.finished()) return;
    const chosen = this.choices.controls.flatMap((c, i) => (c.controls.selected.value && v.pages[i] ? [{ page: v.pages[i], choice: c.getRawValue() }] : []));
    const answer: CreateOAuthChannelsResponse | undefined = await this.submission.run(() =>
      this.api.createChannels(v.id, {
        pages: chosen.map(({ page, choice }) => ({ target: page.target, name: choice.name.trim(), organizationId: choice.organizationId })),
      }),
    );
    if (!answer) return;
    const outcomes = new Map<string, PageOutcome>();
    for (const channel of answer.created) outcomes.set(channel.target, { kind: 'created', channel });
    for (const error of answer.errors) outcomes.set(error.target, { kind: 'refused', error });
    this.outcomes.set(outcomes);
    if (answer.created.length) this.choices.disable();
  }

  /** A new sign-in on the platform, for the same organization: the browser leaves for the consent page. */
  protected async restart(): Promise<void> {
    const v = this.view();
    if (!v || this.restarting()) return;
    this.restarting.set(true);
    this.restartFailure.set(null);
    try {
      const started = await firstValueFrom(this.api.start(v.platform, v.organizationId));
      globalThis.location.assign(started.authorizeUrl);
    } catch (error) {
      this.restartFailure.set(toApiFailure(error).message);
      this.restarting.set(false);
    }
  }

  private build(v: ChannelOAuthConnectionView): void {
    this.choices.clear();
    this.outcomes.set(new Map());
    const open = v.pages.filter((p) => !p.alreadyConnected);
    for (const page of v.pages) {
      const choice: Choice = this.fb.group({
        // The only page that can be connected is ticked already: one step less.
        selected: [open.length === 1 && open[0] === page],
        name: [page.name.slice(0, NAME_MAX), [FieldRules.filled, Validators.maxLength(NAME_MAX)]],
        organizationId: [v.organizationId, [Validators.required]],
      });
      const sync = (selected: boolean) => {
        for (const control of [choice.controls.name, choice.controls.organizationId]) {
          if (selected) control.enable({ emitEvent: false });
          else control.disable({ emitEvent: false });
        }
      };
      sync(choice.controls.selected.value);
      choice.controls.selected.valueChanges.subscribe(sync);
      if (page.alreadyConnected) choice.controls.selected.disable();
      this.choices.push(choice);
    }
  }
}
