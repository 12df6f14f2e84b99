import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import {
  CreatePostRequest,
  PLATFORMS,
  PostVariantInput,
  RUBRICS,
  formatZoned,
  roleAtLeast,
  type ChannelView,
  type MediaView,
  type Platform,
  type PostProblem,
  type PostStatus as PostStatusName,
  type PostView,
  type Role,
  type Rubric,
} from '@vestnik/contracts';
import {
  AuthSession,
  CurrentOrganization,
  MediaApi,
  PostsApi,
  channelListRequest,
  postUrl,
  toApiFailure,
  type ApiFailure,
} from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import {
  AlertMessage,
  FieldControl,
  FieldRules,
  FormField,
  SubmitButton,
  describeControlErrors,
  describeTimeZone,
  formatDateTime,
  formSubmission,
  type FormFailure,
  maxItemsOf,
  maxLengthOf,
} from '@vestnik/editor/ui';
import { MAX_IMAGES_PER_POST, isHttpUrl } from '@vestnik/platforms/rules';
import { firstValueFrom, map } from 'rxjs';
import { ChannelPicker } from './channel-picker';
import { OrganizationBranch, chosenPlatforms } from './channel-selection';
import { ComposerValue, composerValueFromPost, emptyComposerValue, sameComposerValue, toCreateRequest, toUpdateRequest } from './composer-value';
import { DraftKeeper } from './draft-keeper';
import { ComposerDraftStore, StoredDraft, browserDraftStorage } from './draft-storage';
import { MarkdownTextField } from './markdown-text-field';
import { MediaPicker } from './media-picker';
import { MediaShelf } from './media-shelf';
import { CounterRow, PlatformCounters } from './platform-counters';
import { platformVerdict } from './platform-verdicts';
import { PostComments } from './post-comments';
import { PostPreviews } from './post-previews';
import { ComposerField, groupProblems, placeItemErrors } from './post-problems';
import { EDITABLE_STATUSES, PostStatus } from './post-status';
import { SCHEDULE_MESSAGES, defaultScheduledAt, scheduleProblem } from './schedule';
import { HoldsUnsavedChanges } from './unsaved-changes.guard';

type Tab = 'common' | Platform;

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

const TEXT_MAX = maxLengthOf(CreatePostRequest, 'text') ?? NO_LIMIT;
const VARIANT_MAX = maxLengthOf(PostVariantInput, 'text') ?? NO_LIMIT;
const TITLE_MAX = maxLengthOf(CreatePostRequest, 'title') ?? NO_LIMIT;
const LINK_MAX = maxLengthOf(CreatePostRequest, 'link') ?? NO_LIMIT;
const CHANNELS_MAX = maxItemsOf(CreatePostRequest, 'channelIds') ?? NO_LIMIT;
const IMAGES_MAX = Math.min(MAX_IMAGES_PER_POST, maxItemsOf(CreatePostRequest, 'mediaIds') ?? NO_LIMIT);

function variantGroup(fb: NonNullableFormBuilder) {
  return fb.group({ own: [false], text: ['', [Validators.maxLength(VARIANT_MAX)]] });
}

/**
 * The composer (`/posts/new`, `/posts/:id`): text with per-platform variants and live verdicts of
 * the platforms' rules, images, rubric, pages, time in the organization's zone, previews, save,
 * submit, cancel and the post's discussion. What the person types is kept on this computer until
 * it is saved, and offered back when the page opens again.
 */
@Component({
  selector: 'vn-post-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    AlertMessage,
    FormField,
    FieldControl,
    SubmitButton,
    MarkdownTextField,
    PlatformCounters,
    MediaPicker,
    ChannelPicker,
    PostPreviews,
    PostComments,
    PostStatus,
  ],
  templateUrl: './post-composer.html',
  styleUrl: './post-composer.css',
  host: {
    '(window:beforeunload)': 'onBeforeUnload($event)',
    '(document:keydown)': 'onShortcut($event)',
  },
})
export class PostComposer implements HoldsUnsavedChanges {
  /** The route's `:id`: a post's id, or `new` (empty only before the router binds it). */
  readonly id = input('');

  private readonly api = inject(PostsApi);
  private readonly current = inject(CurrentOrganization);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly platforms = PLATFORMS;
  protected readonly rubrics = RUBRICS;
  protected readonly imagesMax = IMAGES_MAX;

  protected readonly isNew = computed(() => this.id() === 'new');
  protected readonly loaded = httpResource<PostView>(() => {
    const id = this.id();
    return id && id !== 'new' ? postUrl(id) : undefined;
  });
  /** The post as the server last answered it: loaded, then each save's answer; kept while the next one loads. */
  protected readonly post = linkedSignal<PostView | undefined, PostView | null>({
    source: () => (this.loaded.hasValue() ? this.loaded.value() : undefined),
    computation: (value, previous) => value ?? (this.isNew() ? null : (previous?.value ?? null)),
  });

  protected readonly organizationId = computed(() => this.post()?.organizationId ?? (this.isNew() ? this.current.id() : null));
  protected readonly organization = computed(() => {
    const id = this.organizationId();
    return id ? (this.current.byId().get(id) ?? null) : null;
  });
  protected readonly timeZone = computed(() => this.post()?.timezone ?? this.organization()?.timezone ?? null);
  protected readonly zoneText = computed(() => {
    const zone = this.timeZone();
    return zone ? describeTimeZone(zone, this.t) : '';
  });
  protected readonly role = computed(() => this.organization()?.myRole ?? null);
  protected readonly canEdit = computed(() => {
    const role = this.role();
    const post = this.post();
    return role !== null && roleAtLeast(role, 'editor') && (!post || EDITABLE_STATUSES.includes(post.status));
  });

  /** Every page of the post's organization and its subtree. */
  protected readonly channels = httpResource<ChannelView[]>(() => {
    const id = this.organizationId();
    return id ? channelListRequest(id) : undefined;
  });
  protected readonly channelList = computed(() => (this.channels.hasValue() ? this.channels.value() : []));
  protected readonly channelMap = computed(() => new Map(this.channelList().map((c) => [c.id, c])));
  protected readonly branch = computed<OrganizationBranch | null>(() => {
    const id = this.organizationId();
    if (!id) return null;
    const find = (nodes: readonly OrganizationBranch[]): OrganizationBranch | null => {
      for (const node of nodes) {
        if (node.organization.id === id) return node;
        const below = find(node.children);
        if (below) return below;
      }
      return null;
    };
    return find(this.current.tree()) ?? { organization: { id, name: this.organization()?.name ?? this.t('posts.composer.postOrganization') }, children: [] };
  });

  private readonly shelf = new MediaShelf(inject(MediaApi));
  /** Images known by id: uploaded here, or looked up for a loaded post or a restored draft. */
  protected readonly media = this.shelf.known;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    rubric: ['official' as Rubric],
    title: ['', [Validators.maxLength(TITLE_MAX)]],
    text: ['', [FieldRules.filled, Validators.maxLength(TEXT_MAX)]],
    // The composer's own rules report a function saying the message, so it follows a language switch.
    link: ['', [(c: AbstractControl) => (c.value.trim() && !isHttpUrl(c.value.trim()) ? { url: () => this.t('posts.link.invalid') } : null), Validators.maxLength(LINK_MAX)]],
    scheduledAt: ['', [(c: AbstractControl) => this.checkSchedule(c)]],
    channelIds: [
      [] as string[],
      [
        (c: AbstractControl<string[]>) =>
          c.value.length === 0
            ? { noPages: () => this.t('posts.composer.noPages') }
            : c.value.length > CHANNELS_MAX
              ? { tooManyPages: () => this.t('posts.composer.tooManyPages', { count: CHANNELS_MAX }) }
              : null,
      ],
    ],
    mediaIds: [[] as string[], [(c: AbstractControl<string[]>) => (c.value.length > IMAGES_MAX ? { tooManyImages: () => this.t('posts.composer.tooManyImages', { count: IMAGES_MAX }) } : null)]],
    variants: this.fb.group({ vk: variantGroup(this.fb), ok: variantGroup(this.fb), telegram: variantGroup(this.fb), max: variantGroup(this.fb) }),
  });

  /** The form's value as a signal, and a counter of its events (errors and touches are not signals). */
  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue() as ComposerValue)), {
    initialValue: this.form.getRawValue() as ComposerValue,
  });
  private readonly formRevision = toSignal(this.form.events.pipe(map((_, i) => i)), { initialValue: 0 });

  /** What the form was loaded with or last saved as: the person's changes are the difference. */
  private readonly baseline = signal<ComposerValue | null>(null);
  /** The key (`new` or the post's id) the form currently holds. */
  protected readonly formFor = signal<string | null>(null);
  protected readonly dirty = computed(() => {
    const baseline = this.baseline();
    return baseline !== null && !sameComposerValue(this.value(), baseline);
  });

  private readonly drafts = new DraftKeeper(new ComposerDraftStore(browserDraftStorage()));
  /** A draft kept on this computer that differs from what the page opened with: offered, not forced. */
  protected readonly offer = this.drafts.offer;
  protected readonly draftWrittenAt = this.drafts.writtenAt;
  /** The key of the message after the last save, submission or cancellation. */
  protected readonly notice = signal<string | null>(null);
  /** Problems of a refused submission (422), until the next save. */
  private readonly refusal = signal<PostProblem[] | null>(null);
  /** A new post's page moving to the saved post's address: not a departure to ask about. */
  private movingToSaved = false;
  /** What the last request sent, to name the page or image behind `channelIds.3` / `mediaIds.0`. */
  private sent = { channelIds: [] as string[], mediaIds: [] as string[] };

  protected readonly submission = formSubmission(this.form, (error) => this.describeFailure(error));
  /** What the last request through `submission` was, for the heading of its failure. */
  protected readonly sendingWhat = signal<'save' | 'submit'>('save');
  protected readonly activeTab = signal<Tab>('common');
  protected readonly confirmingCancel = signal(false);
  protected readonly cancelling = signal(false);
  protected readonly actionFailure = signal<ApiFailure | null>(null);

  protected readonly chosenPlatforms = computed(() => chosenPlatforms(this.value().channelIds, this.channelMap()));
  protected readonly counterRows = computed<CounterRow[]>(() => {
    const value = this.value();
    const chosen = this.chosenPlatforms();
    const media = this.media();
    return PLATFORMS.map((platform) => ({ verdict: platformVerdict(value, platform, media), chosen: chosen.includes(platform) }));
  });
  protected readonly imagePlatforms = computed(() => (this.chosenPlatforms().length ? this.chosenPlatforms() : PLATFORMS));
  protected readonly problemGroups = computed(() => groupProblems(this.refusal() ?? this.post()?.problems ?? []));
  protected readonly refused = computed(() => this.refusal() !== null);
  protected readonly channelsError = computed(() => this.errorOf(this.form.controls.channelIds, this.t('posts.composer.pages')));
  protected readonly mediaError = computed(() => this.errorOf(this.form.controls.mediaIds, this.t('posts.composer.images')));
  /** Tabs whose text the server or the form finds wrong, marked so the person looks there. */
  protected readonly tabErrors = computed(() => {
    this.formRevision();
    const variants = this.form.controls.variants.controls;
    return new Set<Tab>([
      ...(this.form.controls.text.invalid && this.form.controls.text.touched ? (['common'] as Tab[]) : []),
      ...PLATFORMS.filter((p) => variants[p].controls.text.invalid),
    ]);
  });
  protected readonly minLocal = computed(() => {
    const zone = this.timeZone();
    return zone ? formatZoned(new Date(), zone).slice(0, 16) : null;
  });
  protected readonly heading = computed(() => {
    if (this.isNew()) return this.t('posts.composer.newTitle');
    const post = this.post();
    return post?.title || this.t('posts.composer.untitled');
  });
  protected readonly saveLabel = computed(() => {
    const status = this.post()?.status;
    if (status === 'scheduled') return this.t('posts.composer.saveAndReturn');
    return status && status !== 'draft' ? this.t('posts.composer.saveChanges') : this.t('posts.composer.saveDraft');
  });
  protected readonly canSubmit = computed(() => this.canEdit() && (!this.post() || this.post()?.status === 'draft'));
  protected readonly canCancel = computed(() => {
    const post = this.post();
    return !!post && this.canEdit() && EDITABLE_STATUSES.includes(post.status);
  });

  constructor() {
    // Fill the form once per post: from the server, or a new post's defaults once the zone is known.
    effect(() => {
      const key = this.id();
      if (!key || this.formFor() === key) return;
      // A new post just saved: the address still says `new` until the router moves to its id.
      if (key === 'new' && this.post()) return;
      if (key === 'new') {
        const zone = this.current.timezone();
        if (!zone || !this.session.user()) return;
        untracked(() => this.fill(key, emptyComposerValue(defaultScheduledAt(new Date(), zone))));
        return;
      }
      const post = this.loaded.hasValue() ? this.loaded.value() : null;
      if (post?.id === key && this.session.user()) untracked(() => this.fill(key, composerValueFromPost(post)));
    });

    // A read-only post (its status, or the person's role) shows its content in disabled fields.
    effect(() => {
      const editable = this.canEdit();
      untracked(() => (editable ? this.form.enable({ emitEvent: false }) : this.form.disable({ emitEvent: false })));
    });

    // Images the page does not know yet (a loaded post, a restored draft) are looked up once each.
    effect(() => {
      const ids = this.value().mediaIds;
      untracked(() => this.shelf.lookUp(ids));
    });

    // The draft on this computer follows the typing, a moment after it pauses.
    effect(() => {
      const draft = this.draftOf(this.value(), this.dirty());
      const key = this.formFor();
      const user = this.session.user()?.id;
      if (key && user && this.canEdit()) untracked(() => this.drafts.keepSoon(user, key, draft));
    });
    inject(DestroyRef).onDestroy(() => this.drafts.dispose());
  }

  hasUnsavedChanges(): boolean {
    return !this.movingToSaved && this.dirty() && this.canEdit();
  }

  unsavedChangesQuestion(): string {
    return this.t('posts.composer.leaveUnsaved');
  }

  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    if (!this.hasUnsavedChanges()) return;
    event.preventDefault();
    // Older browsers ask only when a value is set.
    event.returnValue = '';
  }

  /** Ctrl+S (⌘S) saves instead of saving the web page. */
  protected onShortcut(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyS') {
      event.preventDefault();
      if (this.canEdit()) void this.save();
    }
  }

  /** A moment in the post's zone: «28.11.2025, 14:05:09». */
  protected when(iso: string): string {
    const zone = this.timeZone();
    return zone ? formatDateTime(iso, zone, this.i18n.locale()) : iso;
  }

  protected platformName(platform: Platform): string {
    return this.t(`common.platform.name.${platform}`);
  }

  protected statusLabel(status: PostStatusName): string {
    return this.t(`common.postStatus.${status}`);
  }

  protected roleLabel(role: Role): string {
    return this.t(`common.role.${role}`);
  }

  protected rubricLabel(rubric: Rubric): string {
    return this.t(`common.rubric.${rubric}`);
  }

  protected selectTab(tab: Tab): void {
    this.activeTab.set(tab);
  }

  /** Arrow keys, Home and End move along the tabs, as the ARIA tabs pattern has it. */
  protected onTabKeydown(event: KeyboardEvent): void {
    const tabs: Tab[] = ['common', ...PLATFORMS];
    const at = tabs.indexOf(this.activeTab());
    const next =
      event.key === 'ArrowRight' ? (at + 1) % tabs.length : event.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    this.activeTab.set(tabs[next]);
    afterNextRender({ write: () => document.getElementById(`tab-${tabs[next]}`)?.focus() }, { injector: this.injector });
  }

  /** Switching a platform's own text on starts it from the common text. */
  protected ownTextSwitched(platform: Platform): void {
    const group = this.form.controls.variants.controls[platform].controls;
    if (group.own.value && !group.text.value.trim()) group.text.setValue(this.form.controls.text.value);
  }

  protected setChannels(ids: string[]): void {
    const control = this.form.controls.channelIds;
    control.setValue(ids);
    control.markAsTouched();
    control.markAsDirty();
  }

  protected setMedia(ids: string[]): void {
    const control = this.form.controls.mediaIds;
    control.setValue(ids);
    control.markAsDirty();
  }

  protected mediaAdded(media: MediaView): void {
    this.shelf.remember([media]);
    this.setMedia([...this.form.controls.mediaIds.value, media.id]);
  }

  protected restoreDraft(): void {
    const draft = this.drafts.take();
    if (!draft) return;
    if (this.isNew() && draft.organizationId && draft.organizationId !== this.current.id() && this.current.byId().has(draft.organizationId)) {
      this.current.choose(draft.organizationId);
    }
    this.form.setValue(draft.value);
    this.form.markAsDirty();
  }

  protected discardDraft(): void {
    const user = this.session.user()?.id;
    const key = this.formFor();
    if (user && key) this.drafts.forget(user, key);
  }

  /** Brings the server's latest version; the person's edits stay on this computer and are offered back. */
  protected async reloadFromServer(): Promise<void> {
    const user = this.session.user()?.id;
    const key = this.formFor();
    const post = this.post();
    if (!post || !key) return;
    if (user) this.drafts.keep(user, key, this.draftOf(this.value(), this.dirty()));
    try {
      const fresh = await firstValueFrom(this.api.get(post.id));
      this.submission.failure.set(null);
      this.post.set(fresh);
      this.fill(key, composerValueFromPost(fresh));
    } catch (error) {
      this.actionFailure.set(toApiFailure(error));
    }
  }

  /** Creates or updates the post; answers the saved post, or undefined when nothing was saved. */
  protected async save(): Promise<PostView | undefined> {
    const organizationId = this.organizationId();
    if (!organizationId || !this.canEdit()) return undefined;
    this.notice.set(null);
    this.actionFailure.set(null);
    // "At least a minute ahead" depends on the clock, not only on what was typed.
    this.form.controls.scheduledAt.updateValueAndValidity();
    this.showFirstInvalidTab();
    const value = this.form.getRawValue() as ComposerValue;
    const post = this.post();
    this.sent = { channelIds: value.channelIds, mediaIds: value.mediaIds };
    this.sendingWhat.set('save');
    const saved = await this.submission.run(() =>
      post ? this.api.update(post.id, toUpdateRequest(value, post.version)) : this.api.create(toCreateRequest(value, organizationId)),
    );
    if (!saved) return undefined;
    this.accept(saved, post?.status === 'scheduled' && saved.status === 'in_review' ? 'posts.composer.savedBackToReview' : 'posts.composer.saved');
    return saved;
  }

  protected async submitForReview(): Promise<void> {
    let post = this.post();
    if (!post || this.dirty()) post = (await this.save()) ?? null;
    if (!post || post.status !== 'draft') return;
    const id = post.id;
    this.sendingWhat.set('submit');
    const submitted = await this.submission.run(() => this.api.submit(id));
    if (submitted) this.accept(submitted, 'posts.composer.submitted');
  }

  protected async cancelPost(): Promise<void> {
    const post = this.post();
    if (!post || this.cancelling()) return;
    this.cancelling.set(true);
    this.actionFailure.set(null);
    try {
      const cancelled = await firstValueFrom(this.api.cancel(post.id));
      this.confirmingCancel.set(false);
      this.form.setValue(composerValueFromPost(cancelled));
      this.accept(cancelled, 'posts.composer.cancelled');
    } catch (error) {
      this.actionFailure.set(toApiFailure(error));
    } finally {
      this.cancelling.set(false);
    }
  }

  /** «Исправить» beside a problem: shows its field and puts the focus there. */
  protected goTo(field: ComposerField): void {
    const variant = /^variants\.(\w+)\.text$/.exec(field);
    if (variant) this.activeTab.set(variant[1] as Platform);
    else if (field === 'text') this.activeTab.set('common');
    const target: Partial<Record<ComposerField, string>> = {
      text: '#composer-texts textarea',
      ...Object.fromEntries(PLATFORMS.map((p) => [`variants.${p}.text`, '#composer-texts textarea'])),
      mediaIds: '#composer-images button, #media-upload',
      channelIds: '#channel-search',
      scheduledAt: '#post-scheduled-at',
      link: '#post-link',
      title: '#post-title',
    };
    const selector = target[field];
    if (selector) afterNextRender({ write: () => document.querySelector<HTMLElement>(selector)?.focus() }, { injector: this.injector });
  }

  /** Before a refused save moves the focus: the tab holding the first text in error is shown. */
  private showFirstInvalidTab(): void {
    const platform = PLATFORMS.find((p) => this.form.controls.variants.controls[p].invalid);
    if (this.form.controls.text.invalid) this.activeTab.set('common');
    else if (platform) this.activeTab.set(platform);
  }

  private fill(key: string, value: ComposerValue): void {
    this.form.setValue(value);
    this.form.markAsPristine();
    this.form.markAsUntouched();
    this.baseline.set(value);
    this.formFor.set(key);
    this.refusal.set(null);
    const user = this.session.user()?.id;
    if (user) this.drafts.opened(user, key, value);
  }

  /** The server took the post: it becomes the baseline; a new post moves to its own address. `notice` is a message's key. */
  private accept(saved: PostView, notice: string): void {
    this.post.set(saved);
    this.baseline.set(composerValueFromPost(saved));
    this.refusal.set(null);
    this.notice.set(notice);
    const user = this.session.user()?.id;
    const key = this.formFor();
    if (user && key) this.drafts.forget(user, key);
    if (key !== saved.id) {
      this.formFor.set(saved.id);
      // The page stays (same route, same form): what was typed meanwhile is not "left behind".
      this.movingToSaved = true;
      void this.router.navigate(['/posts', saved.id], { replaceUrl: true }).finally(() => (this.movingToSaved = false));
    }
  }

  /** What the copy on this computer holds; null while nothing is unsaved. */
  private draftOf(value: ComposerValue, dirty: boolean): Omit<StoredDraft, 'savedAt'> | null {
    return dirty ? { value, baseVersion: this.post()?.version ?? null, organizationId: this.organizationId() } : null;
  }

  private checkSchedule(control: AbstractControl): ValidationErrors | null {
    const zone = this.timeZone();
    if (!zone) return null;
    const problem = scheduleProblem(String(control.value ?? ''), zone, new Date());
    return problem ? { schedule: () => this.t(SCHEDULE_MESSAGES[problem.kind]) } : null;
  }

  private errorOf(control: FormControl<string[]>, label: string): string | null {
    this.formRevision();
    if (!control.invalid || !(control.touched || control.hasError('server'))) return null;
    return describeControlErrors(control.errors, label, this.t, this.i18n.lang());
  }

  private describeFailure(error: unknown): FormFailure {
    const failure = placeItemErrors(
      toApiFailure(error),
      this.sent,
      {
        channel: (id) => this.channelMap().get(id)?.name ?? null,
        image: (id) => this.media().get(id)?.fileName ?? null,
      },
      this.t,
    );
    // A page refused as unknown was deleted meanwhile: the list is asked again, so the picker shows it gone.
    if (failure.errors?.some((e) => e.field === 'channelIds' && e.rule === 'channelInSubtree')) this.channels.reload();
    const problems = (failure as { problems?: unknown }).problems;
    if (failure.code === 'post_not_publishable' && Array.isArray(problems)) this.refusal.set(problems as PostProblem[]);
    // Focus goes to the first field in error: its tab must be the one shown.
    const first = failure.errors?.[0]?.field ?? '';
    const variant = /^variants\.(\w+)\./.exec(first);
    if (failure.code === 'validation_failed') this.activeTab.set(variant ? (variant[1] as Platform) : first === 'text' ? 'common' : this.activeTab());
    return failure;
  }
}
