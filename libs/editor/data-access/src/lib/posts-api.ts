import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreatePostRequest, PostChangesView, PostCommentView, PostPage, PostQuery, PostView, UpdatePostRequest } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

const BASE = `${API_BASE}/posts`;

/** The address of one post's resource, for `httpResource` keyed on its id. */
export function postUrl(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}

/** The query string of `GET /api/v1/posts`, for `list()` and for `httpResource`s keyed on filters. */
export function postQueryParams(query: PostQuery): Record<string, string> {
  const params: Record<string, string> = { organizationId: query.organizationId };
  for (const key of ['from', 'to', 'status', 'rubric', 'channelId', 'order', 'limit', 'offset'] as const) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '') params[key] = String(value);
  }
  return params;
}

/** Posts: drafts, their review and their comments (`libs/server/posts/src/lib/posts.controller.ts`). */
@Injectable({ providedIn: 'root' })
export class PostsApi {
  private readonly http = inject(HttpClient);

  /** Posts of the organization and its subtree, by scheduled time, earliest first. */
  list(query: PostQuery): Observable<PostPage> {
    return this.http.get<PostPage>(BASE, { params: new HttpParams({ fromObject: postQueryParams(query) }) });
  }

  get(id: string): Observable<PostView> {
    return this.http.get<PostView>(postUrl(id));
  }

  /** A new draft; a draft may break platform rules (its `problems` say which). */
  create(request: CreatePostRequest): Observable<PostView> {
    return this.http.post<PostView>(BASE, request);
  }

  /** Send `version` to be refused (409 `stale_version`) instead of overwriting a newer edit; an approved post returns to review. */
  update(id: string, request: UpdatePostRequest): Observable<PostView> {
    return this.http.patch<PostView>(postUrl(id), request);
  }

  /** draft → in_review; 422 `post_not_publishable` with `problems` when a platform would refuse it. */
  submit(id: string): Observable<PostView> {
    return this.http.post<PostView>(`${postUrl(id)}/submit`, {});
  }

  /** in_review → scheduled (supervisors; four eyes apply). */
  approve(id: string): Observable<PostView> {
    return this.http.post<PostView>(`${postUrl(id)}/approve`, {});
  }

  /** in_review → draft, with the reason kept in the post's comments. */
  reject(id: string, comment: string): Observable<PostView> {
    return this.http.post<PostView>(`${postUrl(id)}/reject`, { comment });
  }

  /** draft, in_review or scheduled → cancelled. */
  cancel(id: string): Observable<PostView> {
    return this.http.post<PostView>(`${postUrl(id)}/cancel`, {});
  }

  /** What changed since the version last reviewed (approved or rejected), or since `since`; everything is new at a first review. */
  changes(id: string, since?: number): Observable<PostChangesView> {
    const params = since !== undefined ? new HttpParams().set('since', since) : undefined;
    return this.http.get<PostChangesView>(`${postUrl(id)}/changes`, { params });
  }

  comments(id: string): Observable<PostCommentView[]> {
    return this.http.get<PostCommentView[]>(`${postUrl(id)}/comments`);
  }

  addComment(id: string, body: string): Observable<PostCommentView> {
    return this.http.post<PostCommentView>(`${postUrl(id)}/comments`, { body });
  }
}
