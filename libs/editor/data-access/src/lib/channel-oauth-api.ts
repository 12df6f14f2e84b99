import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChannelOAuthConnectionView,
  CreateOAuthChannelsRequest,
  CreateOAuthChannelsResponse,
  OAuthPlatform,
  StartChannelOAuthResponse,
} from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

const BASE = `${API_BASE}/channels/oauth`;

/** The address of a pending connection, for `httpResource` keyed on its id. */
export function oauthConnectionUrl(id: string): string {
  return `${BASE}/connections/${encodeURIComponent(id)}`;
}

/**
 * Connecting VK and OK pages through the platform's consent page
 * (`libs/server/channels/src/lib/oauth/channel-oauth.controller.ts`): `start` answers the URL to open;
 * the platform comes back to the server, which sends the browser to `/channels/connect?connection=<id>`
 * (or `?error=<code>&platform=<p>`); the page then lists the connection's pages and creates channels.
 */
@Injectable({ providedIn: 'root' })
export class ChannelOAuthApi {
  private readonly http = inject(HttpClient);

  /** Sets a cookie binding the flow to this browser: open `authorizeUrl` in this same browser. */
  start(platform: OAuthPlatform, organizationId: string): Observable<StartChannelOAuthResponse> {
    return this.http.post<StartChannelOAuthResponse>(`${BASE}/${platform}/start`, { organizationId });
  }

  /** The pages the signed-in platform account may post to; only for the person who started. */
  connection(id: string): Observable<ChannelOAuthConnectionView> {
    return this.http.get<ChannelOAuthConnectionView>(oauthConnectionUrl(id));
  }

  /** One channel per chosen page, each verified; refusals per page in `errors`. */
  createChannels(id: string, request: CreateOAuthChannelsRequest): Observable<CreateOAuthChannelsResponse> {
    return this.http.post<CreateOAuthChannelsResponse>(`${oauthConnectionUrl(id)}/channels`, request);
  }
}
