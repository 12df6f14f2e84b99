import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NotificationView } from '@vestnik/contracts';
import { AttentionList, CurrentOrganization, NotificationInbox, NotificationsApi, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { describeTimeZone } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';

/** How often the unread count and the attention count are asked again while the editor is open. */
export const NOTICES_POLL_MS = 60_000;
/** Focus comes back often (alt-tab); asking more often than this gains nothing. */
const FOCUS_MIN_GAP_MS = 15_000;

/**
 * The bell in the header: the unread count, and a panel of the latest notifications with links to
 * the post or page and «отметить прочитанным». It is also the shell's heartbeat: every minute, and
 * when the window gets focus, it asks again for notifications and for what needs attention.
 */
@Component({
  selector: 'vn-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './notification-bell.html',
  styleUrl: './notification-bell.css',
  host: {
    '(document:keydown.escape)': 'closeAndFocus()',
    '(document:click)': 'closeIfOutside($event)',
  },
})
export class NotificationBell {
  private readonly inbox = inject(NotificationInbox);
  private readonly attention = inject(AttentionList);
  private readonly api = inject(NotificationsApi);
  private readonly current = inject(CurrentOrganization);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly open = signal(false);
  protected readonly busy = signal(false);
  /** A function, so the message follows a switch of language while it is shown. */
  protected readonly failure = signal<(() => string) | null>(null);
  protected readonly unread = this.inbox.unread;
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  protected readonly label = computed(() => (this.unread() ? this.t('notifications.bell.labelUnread', { count: this.unread() }) : this.t('notifications.bell.labelNone')));
  private readonly zone = computed(() => this.current.timezone() ?? 'Europe/Moscow');
  protected readonly zoneText = computed(() => describeTimeZone(this.zone(), this.t));
  protected readonly loadFailed = computed(() => !!this.inbox.page.error() && !this.inbox.page.hasValue());
  protected readonly items = computed(() => {
    const zone = this.zone();
    const format = this.i18n.dateFormat({ timeZone: zone, day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    return this.inbox.items().map((n) => ({ n, when: format.format(new Date(n.updatedAt)) }));
  });

  private lastAsked = Date.now();

  constructor() {
    const doc = inject(DOCUMENT);
    const refresh = () => {
      this.lastAsked = Date.now();
      this.inbox.reload();
      this.attention.reload();
    };
    const timer = setInterval(refresh, NOTICES_POLL_MS);
    const onFocus = () => {
      if (Date.now() - this.lastAsked >= FOCUS_MIN_GAP_MS) refresh();
    };
    const onVisible = () => {
      if (doc.visibilityState === 'visible') onFocus();
    };
    doc.defaultView?.addEventListener('focus', onFocus);
    doc.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      doc.defaultView?.removeEventListener('focus', onFocus);
      doc.removeEventListener('visibilitychange', onVisible);
    });
  }

  protected toggle(): void {
    const next = !this.open();
    this.open.set(next);
    this.failure.set(null);
    if (next) {
      this.inbox.reload();
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.panel__title')?.focus(), { injector: this.injector });
    }
  }

  protected closeAndFocus(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.host.nativeElement.querySelector<HTMLElement>('.bell')?.focus();
  }

  protected closeIfOutside(event: Event): void {
    if (this.open() && event.target instanceof Node && !this.host.nativeElement.contains(event.target)) this.open.set(false);
  }

  /** Following a link reads the notification: the person is on the way to it. */
  protected follow(n: NotificationView): void {
    this.open.set(false);
    if (!n.readAt) void this.markRead(n);
  }

  protected async markRead(n: NotificationView): Promise<void> {
    this.failure.set(null);
    try {
      this.inbox.markedRead(await firstValueFrom(this.api.markRead(n.id)));
    } catch (error) {
      const reason = toApiFailure(error).message;
      this.failure.set(() => this.t('notifications.bell.markReadFailed', { reason }));
    }
  }

  protected async markAllRead(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.markAllRead());
      this.inbox.allMarkedRead(new Date().toISOString());
    } catch (error) {
      const reason = toApiFailure(error).message;
      this.failure.set(() => this.t('notifications.bell.markAllReadFailed', { reason }));
    } finally {
      this.busy.set(false);
    }
  }
}
