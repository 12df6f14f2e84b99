import { HttpClient, HttpParams, httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import type { NotificationPage, NotificationsMarkedView, NotificationsQuery, NotificationView } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';
import { AuthSession } from './auth-session';

const BASE = `${API_BASE}/notifications`;
/** The bell shows the latest ones; older ones stay readable through the API's paging. */
const RECENT = 20;

@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: NotificationsQuery = {}): Observable<NotificationPage> {
    let params = new HttpParams();
    if (query.unread !== undefined) params = params.set('unread', String(query.unread));
    if (query.limit !== undefined) params = params.set('limit', query.limit);
    if (query.offset !== undefined) params = params.set('offset', query.offset);
    return this.http.get<NotificationPage>(BASE, { params });
  }

  markRead(id: string): Observable<NotificationView> {
    return this.http.post<NotificationView>(`${BASE}/${encodeURIComponent(id)}/read`, {});
  }

  markAllRead(): Observable<NotificationsMarkedView> {
    return this.http.post<NotificationsMarkedView>(`${BASE}/read-all`, {});
  }
}

/**
 * The signed-in person's latest notifications and unread count, for the bell. Nothing polls here:
 * the shell calls `reload()` on its timer and when the window gets focus.
 */
@Injectable({ providedIn: 'root' })
export class NotificationInbox {
  private readonly session = inject(AuthSession);

  readonly page = httpResource<NotificationPage>(() => (this.session.user() ? `${BASE}?limit=${RECENT}` : undefined));

  readonly items = computed<NotificationView[]>(() => (this.page.hasValue() ? this.page.value().items : []));
  readonly unread = computed(() => (this.page.hasValue() ? this.page.value().unread : 0));

  reload(): void {
    if (!this.page.isLoading()) this.page.reload();
  }

  /** Shows a notification read at once, before the server's answer comes back with the next reload. */
  markedRead(updated: NotificationView): void {
    if (!this.page.hasValue()) return;
    const page = this.page.value();
    const was = page.items.find((n) => n.id === updated.id);
    this.page.set({
      ...page,
      items: page.items.map((n) => (n.id === updated.id ? updated : n)),
      unread: was && !was.readAt && updated.readAt ? Math.max(0, page.unread - 1) : page.unread,
    });
  }

  allMarkedRead(at: string): void {
    if (!this.page.hasValue()) return;
    const page = this.page.value();
    this.page.set({ ...page, items: page.items.map((n) => (n.readAt ? n : { ...n, readAt: at })), unread: 0 });
  }
}
