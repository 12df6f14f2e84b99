import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import type { AttentionPublicationView, ChannelView, MarkPublishedRequest, PublicationView } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';
import { CurrentOrganization } from './current-organization';

const BASE = `${API_BASE}/publications`;

@Injectable({ providedIn: 'root' })
export class PublicationsApi {
  private readonly http = inject(HttpClient);

  /** Failed, unconfirmed and missed publications of the organization's subtree, latest change first. */
  attention(organizationId: string): Observable<AttentionPublicationView[]> {
    return this.http.get<AttentionPublicationView[]>(`${BASE}/attention`, { params: { organizationId } });
  }

  /** «Это опубликовано»: a supervisor found the post on the page; `url` is where (optional). */
  markPublished(id: string, request: MarkPublishedRequest = {}): Observable<PublicationView> {
    return this.http.post<PublicationView>(`${BASE}/${encodeURIComponent(id)}/mark-published`, request);
  }

  /** «Опубликовать снова»: a supervisor decided it did not go out; it is sent now. */
  republish(id: string): Observable<PublicationView> {
    return this.http.post<PublicationView>(`${BASE}/${encodeURIComponent(id)}/republish`, {});
  }
}

/**
 * What needs a person in the current organization's subtree: publications that failed, were not
 * confirmed or missed their time, and pages Vestnik can no longer post to. The shell shows the count
 * and reloads it on its timer; the attention page lists it.
 */
@Injectable({ providedIn: 'root' })
export class AttentionList {
  private readonly current = inject(CurrentOrganization);

  readonly publications = httpResource<AttentionPublicationView[]>(() => {
    const id = this.current.id();
    return id ? { url: `${BASE}/attention`, params: { organizationId: id } } : undefined;
  });
  readonly channels = httpResource<ChannelView[]>(() => {
    const id = this.current.id();
    return id ? { url: `${API_BASE}/channels`, params: { organizationId: id } } : undefined;
  });

  readonly publicationItems = computed<AttentionPublicationView[]>(() => (this.publications.hasValue() ? this.publications.value() : []));
  readonly channelItems = computed<ChannelView[]>(() =>
    this.channels.hasValue() ? this.channels.value().filter((c) => c.health.state === 'needs_attention') : [],
  );
  readonly count = computed(() => this.publicationItems().length + this.channelItems().length);

  reload(): void {
    if (!this.publications.isLoading()) this.publications.reload();
    if (!this.channels.isLoading()) this.channels.reload();
  }

  /** A decision taken on the page: the publication leaves the list at once (the next reload confirms it). */
  settled(publicationId: string): void {
    if (!this.publications.hasValue()) return;
    this.publications.set(this.publications.value().filter((p) => p.id !== publicationId));
  }
}
