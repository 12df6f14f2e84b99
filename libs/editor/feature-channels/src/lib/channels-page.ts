import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PLATFORMS, roleAtLeast, type ChannelView, type OrganizationView, type Platform, type Role } from '@vestnik/contracts';
import {
  API_BASE,
  type ApiFailure,
  buildOrganizationTree,
  channelListRequest,
  ChannelsApi,
  CurrentOrganization,
  toApiFailure,
} from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone } from '@vestnik/editor/ui';
import { firstValueFrom, type Observable } from 'rxjs';
import { ChannelActionDialog, type ActionRequest } from './channel-action-dialog';
import { describeNorms } from './channel-norms';
import { ChannelNormsDialog } from './channel-norms-dialog';
import { deletedText, outcomeOf } from './channel-actions';
import {
  channelCounts,
  channelPageUrl,
  type ChannelFilter,
  daysLeftText,
  formatDay,
  formatWhen,
  groupChannels,
  healthSummary,
  type HealthSummary,
  type OrganizationEntry,
  type StateFilter,
  stateFilterLabel,
  subtreeOrder,
  tokenExpiry,
} from './channel-list';
import { PlatformMark } from './platform-mark';

/** One row as the template shows it: computed once per change of the list, not per check. */
interface ChannelRow {
  channel: ChannelView;
  pageUrl: string | null;
  health: HealthSummary;
  verifiedAt: string | null;
  token: { text: string; sub: string | null; tone: 'ok' | 'warning' | 'danger' | 'muted' };
  lastPublished: string | null;
  canVerify: boolean;
  canManage: boolean;
  /** The page's weekly minimum and rubric shares, in words. */
  norms: string;
}

interface RowGroup {
  id: string;
  name: string;
  depth: number;
  archived: boolean;
  rows: ChannelRow[];
}

interface Notice {
  tone: 'success' | 'warning';
  /** A function, so the notice follows a switch of language while it is shown. */
  text: () => string;
}

const STATE_ORDER: StateFilter[] = ['active', 'needs_attention', 'disabled', 'token_expiring'];

/**
 * Every page (channel) of the current organization and its subtree: platform, health with the
 * platform's reason, key expiry and last publication, grouped by organization; search and filters;
 * verify, disable, enable and delete, each confirmed. Admins connect and delete, editors verify.
 */
@Component({
  selector: 'vn-channels-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AlertMessage, PlatformMark, ChannelActionDialog, ChannelNormsDialog],
  templateUrl: './channels-page.html',
  styleUrl: './channels-page.css',
})
export class ChannelsPage {
  /** `?channel=<id>` (a notice's link, `/channels/<id>`): that page's row is marked and brought into view once. */
  readonly channel = input<string | undefined>(undefined);

  private readonly current = inject(CurrentOrganization);
  private readonly api = inject(ChannelsApi);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private broughtIntoView: string | null = null;

  protected readonly platforms = PLATFORMS;
  protected readonly stateOrder = STATE_ORDER;
  protected readonly stateLabel = (state: StateFilter) => stateFilterLabel(state, this.t);

  protected readonly organization = this.current.organization;
  protected readonly timeZone = computed(() => this.current.timezone() ?? 'Europe/Moscow');
  protected readonly zoneText = computed(() => describeTimeZone(this.timeZone(), this.t));

  /** Archived organizations too: their pages are still listed, and need their names. */
  private readonly organizations = httpResource<OrganizationView[]>(() => (this.current.id() ? { url: `${API_BASE}/organizations`, params: { includeArchived: 'true' } } : undefined), {
    defaultValue: [],
  });
  protected readonly channels = httpResource<ChannelView[]>(() => {
    const id = this.current.id();
    return id ? channelListRequest(id) : undefined;
  });

  private readonly list = computed<ChannelView[]>(() => (this.channels.hasValue() ? this.channels.value() : []));
  private readonly order = computed<OrganizationEntry[]>(() => {
    const id = this.current.id();
    const all = this.organizations.hasValue() ? this.organizations.value() : [];
    return id ? subtreeOrder(buildOrganizationTree(all.length ? all : this.current.all.value()), id) : [];
  });
  private readonly roles = computed(() => new Map(this.order().map((o) => [o.id, o.organization.myRole])));
  private readonly names = computed(() => new Map(this.order().map((o) => [o.id, o.name])));

  /** When "now" is for key expiry; renewed with every load of the list. */
  private readonly now = computed(() => {
    this.list();
    return new Date();
  });

  protected readonly text = signal('');
  protected readonly platform = signal<Platform | ''>('');
  protected readonly state = signal<StateFilter | ''>('');
  private readonly filter = computed<ChannelFilter>(() => ({ text: this.text(), platform: this.platform(), state: this.state() }));
  protected readonly filtered = computed(() => this.text().trim() !== '' || this.platform() !== '' || this.state() !== '');

  protected readonly counts = computed(() => channelCounts(this.list(), this.now()));
  protected readonly groups = computed<RowGroup[]>(() => {
    const zone = this.timeZone();
    const now = this.now();
    const roles = this.roles();
    return groupChannels(this.list(), this.order(), this.filter(), now, this.t, this.i18n.collator()).map((g) => ({
      id: g.organization?.id ?? 'unknown',
      name: g.organization?.name ?? this.t('channels.list.unknownOrganization'),
      depth: g.organization?.depth ?? 0,
      archived: g.organization?.archived ?? false,
      rows: g.channels.map((c) => this.row(c, roles.get(c.organizationId) ?? null, zone, now)),
    }));
  });
  protected readonly shownCount = computed(() => this.groups().reduce((n, g) => n + g.rows.length, 0));

  private readonly showChosen = effect(() => {
    const id = this.channel();
    if (!id || !this.groups().some((g) => g.rows.some((r) => r.channel.id === id))) return;
    if (untracked(() => this.broughtIntoView) === id) return;
    this.broughtIntoView = id;
    afterNextRender(
      () => {
        const row = document.getElementById(`channel-${id}`);
        row?.scrollIntoView({ block: 'center' });
        row?.focus({ preventScroll: true });
      },
      { injector: this.injector },
    );
  });

  /** Admin of some open organization of the subtree: may connect pages there. */
  protected readonly canConnect = computed(() => this.order().some((o) => !o.archived && roleAtLeast(o.organization.myRole, 'admin')));
  protected readonly loadFailure = computed<ApiFailure | null>(() => {
    const error = this.channels.error();
    return error ? toApiFailure(error) : null;
  });

  protected readonly request = signal<ActionRequest | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionFailure = signal<ApiFailure | null>(null);
  protected readonly notice = signal<Notice | null>(null);
  private readonly noticeElement = viewChild<ElementRef<HTMLElement>>('noticeBox');

  protected readonly requestOrganization = computed(() => {
    const r = this.request();
    return r ? (this.names().get(r.channel.organizationId) ?? null) : null;
  });

  /** The page whose norms are being edited. */
  protected readonly normsFor = signal<ChannelView | null>(null);

  protected editNorms(channel: ChannelView): void {
    this.normsFor.set(channel);
  }

  protected normsSaved(updated: ChannelView): void {
    this.channels.value.update((list) => list?.map((c) => (c.id === updated.id ? updated : c)));
    this.normsFor.set(null);
    this.notice.set({
      tone: 'success',
      text: () => this.t('channels.list.normsSaved', { name: updated.name, norms: describeNorms(updated.weeklyMinimum, updated.rubricMix, this.t) }),
    });
    queueMicrotask(() => this.noticeElement()?.nativeElement.focus());
  }

  protected ask(action: ActionRequest['action'], channel: ChannelView): void {
    this.actionFailure.set(null);
    this.request.set({ action, channel });
  }

  protected dismiss(): void {
    if (this.busy()) return;
    this.request.set(null);
    this.actionFailure.set(null);
  }

  protected async perform(request: ActionRequest): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionFailure.set(null);
    const { action, channel } = request;
    try {
      if (action === 'delete') {
        await firstValueFrom(this.api.remove(channel.id));
        this.channels.value.update((list) => list?.filter((c) => c.id !== channel.id));
        this.notice.set({ tone: 'success', text: () => deletedText(channel, this.t) });
      } else {
        const calls: Record<typeof action, (id: string) => Observable<ChannelView>> = {
          verify: (id) => this.api.verify(id),
          disable: (id) => this.api.disable(id),
          enable: (id) => this.api.enable(id),
        };
        const updated = await firstValueFrom(calls[action](channel.id));
        this.channels.value.update((list) => list?.map((c) => (c.id === updated.id ? updated : c)));
        const { tone } = outcomeOf(action, updated, this.t);
        this.notice.set({ tone, text: () => outcomeOf(action, updated, this.t).text });
      }
      this.request.set(null);
      // The row may be gone (deleted, or filtered out by its new state): the outcome gets the focus.
      queueMicrotask(() => this.noticeElement()?.nativeElement.focus());
    } catch (error) {
      this.actionFailure.set(toApiFailure(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected toggleState(state: StateFilter): void {
    this.state.update((current) => (current === state ? '' : state));
  }

  protected resetFilter(): void {
    this.text.set('');
    this.platform.set('');
    this.state.set('');
  }

  protected onPlatform(value: string): void {
    this.platform.set((PLATFORMS as readonly string[]).includes(value) ? (value as Platform) : '');
  }

  protected onState(value: string): void {
    this.state.set((STATE_ORDER as string[]).includes(value) ? (value as StateFilter) : '');
  }

  protected reload(): void {
    this.channels.reload();
    this.organizations.reload();
  }

  private row(channel: ChannelView, role: Role | null, zone: string, now: Date): ChannelRow {
    const locale = this.i18n.locale();
    return {
      channel,
      pageUrl: channelPageUrl(channel),
      health: healthSummary(channel, this.t),
      verifiedAt: channel.health.lastVerifiedAt ? formatWhen(channel.health.lastVerifiedAt, zone, locale, now) : null,
      token: this.tokenText(channel, zone, locale, now),
      lastPublished: channel.lastPublishedAt ? formatWhen(channel.lastPublishedAt, zone, locale, now) : null,
      canVerify: !!role && roleAtLeast(role, 'editor'),
      canManage: !!role && roleAtLeast(role, 'admin'),
      norms: describeNorms(channel.weeklyMinimum, channel.rubricMix, this.t),
    };
  }

  private tokenText(channel: ChannelView, zone: string, locale: string, now: Date): ChannelRow['token'] {
    const t = this.t;
    const expiry = tokenExpiry(channel.health, now);
    switch (expiry.kind) {
      case 'none':
        return { text: t('channels.token.none'), sub: null, tone: 'muted' };
      case 'renewable':
        return { text: t('channels.token.renewable'), sub: null, tone: 'muted' };
      case 'valid':
        return { text: t('channels.token.validUntil', { date: formatDay(expiry.at, zone, locale) }), sub: null, tone: 'ok' };
      case 'soon':
        return {
          text: t('channels.token.expires', { when: daysLeftText(expiry.days, t) }),
          sub: t('channels.token.expiresSub', { date: formatDay(expiry.at, zone, locale) }),
          tone: 'warning',
        };
      case 'expired':
        return { text: t('channels.token.expired', { date: formatDay(expiry.at, zone, locale) }), sub: t('channels.token.expiredSub'), tone: 'danger' };
    }
  }
}
