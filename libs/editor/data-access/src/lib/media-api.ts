import { HttpClient, HttpEventType, HttpParams, HttpXhrBackend } from '@angular/common/http';
import { EnvironmentInjector, Injectable, inject, runInInjectionContext } from '@angular/core';
import type { MediaListQuery, MediaPage, MediaView } from '@vestnik/contracts';
import { Observable, filter, map } from 'rxjs';
import { API_BASE } from './api-failure';
import { authInterceptor } from './auth-interceptor';

const BASE = `${API_BASE}/media`;

/** Where an upload is: bytes sent so far (total unknown until the browser knows the body's size), then the stored image. */
export type MediaUploadEvent = { kind: 'progress'; loaded: number; total: number | null } | { kind: 'done'; media: MediaView };

/** The stored image, as the server keeps it (metadata removed); for `<img src>` (same origin, session cookie). */
export function mediaContentUrl(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}/content`;
}

/** A WebP preview at most `MEDIA_THUMBNAIL_SIDE` px on its long side; for `<img src>`. */
export function mediaThumbnailUrl(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}/thumbnail`;
}

/** Images of an organization's subtree (`libs/server/media/src/lib/media.controller.ts`). */
@Injectable({ providedIn: 'root' })
export class MediaApi {
  private readonly http = inject(HttpClient);
  private readonly injector = inject(EnvironmentInjector);
  private readonly xhr = inject(HttpXhrBackend);
  /**
   * The app's fetch backend reports no upload progress, so uploads go through XMLHttpRequest,
   * still through the session interceptor (cookie mode, CSRF header, sign-in on 401).
   */
  private readonly uploads = new HttpClient({
    handle: (request) => runInInjectionContext(this.injector, () => authInterceptor(request, (next) => this.xhr.handle(next))),
  });

  /** Uploads one file; emits its progress, then the stored image. The type is read from the bytes by the server. */
  upload(organizationId: string, file: File): Observable<MediaUploadEvent> {
    const body = new FormData();
    body.append('organizationId', organizationId);
    body.append('file', file, file.name);
    return this.uploads.post<MediaView>(BASE, body, { reportProgress: true, observe: 'events' }).pipe(
      map((event): MediaUploadEvent | null => {
        if (event.type === HttpEventType.UploadProgress) return { kind: 'progress', loaded: event.loaded, total: event.total ?? null };
        if (event.type === HttpEventType.Response && event.body) return { kind: 'done', media: event.body };
        return null;
      }),
      filter((event): event is MediaUploadEvent => event !== null),
    );
  }

  list(query: MediaListQuery): Observable<MediaPage> {
    let params = new HttpParams().set('organizationId', query.organizationId);
    if (query.limit !== undefined) params = params.set('limit', query.limit);
    if (query.offset !== undefined) params = params.set('offset', query.offset);
    return this.http.get<MediaPage>(BASE, { params });
  }

  get(id: string): Observable<MediaView> {
    return this.http.get<MediaView>(`${BASE}/${encodeURIComponent(id)}`);
  }

  /** 409 while a post uses it. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}`);
  }
}
