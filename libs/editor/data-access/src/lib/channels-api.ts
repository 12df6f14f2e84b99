import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChannelView, CreateChannelRequest, UpdateChannelRequest } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

const BASE = `${API_BASE}/channels`;

/** `GET /api/v1/channels` of an organization, for `httpResource`s keyed on the organization. */
export function channelListRequest(organizationId: string): { url: string; params: Record<string, string> } {
  return { url: BASE, params: { organizationId } };
}

/**
 * Connected pages (`libs/server/channels/src/lib/channels.controller.ts`). A refusal by the platform
 * answers 422 with `platformReason` in Russian; credentials are write-only.
 */
@Injectable({ providedIn: 'root' })
export class ChannelsApi {
  private readonly http = inject(HttpClient);

  /** Every page of the organization and its subtree, with health and last publication. */
  list(organizationId: string): Observable<ChannelView[]> {
    const { url, params } = channelListRequest(organizationId);
    return this.http.get<ChannelView[]>(url, { params });
  }

  get(id: string): Observable<ChannelView> {
    return this.http.get<ChannelView>(`${BASE}/${encodeURIComponent(id)}`);
  }

  /** Verified through the platform first: 422 `channel_verification_failed` with its reason otherwise. */
  create(request: CreateChannelRequest): Observable<ChannelView> {
    return this.http.post<ChannelView>(BASE, request);
  }

  /** New credentials are verified before they replace the old ones. Admins only. */
  update(id: string, request: UpdateChannelRequest): Observable<ChannelView> {
    return this.http.patch<ChannelView>(`${BASE}/${encodeURIComponent(id)}`, request);
  }

  /** The page leaves Vestnik; its history stays. Admins only. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}`);
  }

  /** Asks the platform again and records the answer in `health` (editors may). */
  verify(id: string): Observable<ChannelView> {
    return this.http.post<ChannelView>(`${BASE}/${encodeURIComponent(id)}/verify`, {});
  }

  disable(id: string): Observable<ChannelView> {
    return this.http.post<ChannelView>(`${BASE}/${encodeURIComponent(id)}/disable`, {});
  }

  enable(id: string): Observable<ChannelView> {
    return this.http.post<ChannelView>(`${BASE}/${encodeURIComponent(id)}/enable`, {});
  }
}
