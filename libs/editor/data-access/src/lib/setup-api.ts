import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CookieLoginResponse, SetupRequest, SetupStatus } from '@vestnik/contracts';
import { Observable, firstValueFrom } from 'rxjs';
import { API_BASE } from './api-failure';

@Injectable({ providedIn: 'root' })
export class SetupApi {
  private readonly http = inject(HttpClient);
  /** Setup can only go from open to done, so once done it is never asked again in this tab. */
  private done = false;
  private pending: Promise<boolean | null> | null = null;

  status(): Observable<SetupStatus> {
    return this.http.get<SetupStatus>(`${API_BASE}/setup`);
  }

  run(request: SetupRequest): Observable<CookieLoginResponse> {
    return this.http.post<CookieLoginResponse>(`${API_BASE}/setup`, request);
  }

  /** Whether first-run setup is still open; null when the server could not be asked. */
  isRequired(): Promise<boolean | null> {
    if (this.done) return Promise.resolve(false);
    this.pending ??= firstValueFrom(this.status()).then(
      ({ required }) => {
        if (!required) this.done = true;
        return required;
      },
      () => null,
    ).finally(() => (this.pending = null));
    return this.pending;
  }

  markDone(): void {
    this.done = true;
  }
}
