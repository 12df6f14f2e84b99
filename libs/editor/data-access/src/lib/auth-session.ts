import { Injectable, computed, signal } from '@angular/core';
import type { LoginResponse, UserView } from '@vestnik/contracts';

interface StoredSession {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  totpEnrollmentRequired: boolean;
}

const STORAGE_KEY = 'vestnik.session';

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredSession;
    if (typeof stored.token !== 'string' || stored.expiresAt <= Date.now()) {
      sessionStorage.removeItem(STORAGE_KEY);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

/** Why the last session ended; the login page explains it. */
export type SessionEndReason = 'signed-out' | 'expired' | 'reauthenticate';

/**
 * The signed-in person: token in `sessionStorage` (it dies with the tab, which suits shared office
 * computers), the user loaded from `/auth/me`.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly stored = signal<StoredSession | null>(readStored());
  private readonly currentUser = signal<UserView | null>(null);
  private readonly endReason = signal<SessionEndReason | null>(null);
  private readonly previousEmail = signal<string | null>(null);

  readonly token = computed(() => this.stored()?.token ?? null);
  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.token() !== null);
  /** The organization requires a second factor from this admin and it is not on yet. */
  readonly totpEnrollmentRequired = computed(() => this.stored()?.totpEnrollmentRequired ?? false);
  readonly lastEndReason = this.endReason.asReadonly();
  /** The e-mail of the session that just ended, so signing in again needs only the password. */
  readonly lastEmail = this.previousEmail.asReadonly();

  start(response: LoginResponse): void {
    const session: StoredSession = {
      token: response.accessToken,
      expiresAt: Date.now() + response.expiresIn * 1000,
      totpEnrollmentRequired: response.totpEnrollmentRequired,
    };
    this.persist(session);
    this.currentUser.set(response.user);
    this.endReason.set(null);
  }

  setUser(user: UserView): void {
    this.currentUser.set(user);
    const stored = this.stored();
    // Enabling the second factor is what lifts the enrollment restriction.
    if (stored && stored.totpEnrollmentRequired && user.totpEnabled) {
      this.persist({ ...stored, totpEnrollmentRequired: false });
    }
  }

  /** True while the token is still valid by its own expiry time. */
  isFresh(): boolean {
    const stored = this.stored();
    return stored !== null && stored.expiresAt > Date.now();
  }

  end(reason: SessionEndReason): void {
    this.previousEmail.set(this.currentUser()?.email ?? this.previousEmail());
    sessionStorage.removeItem(STORAGE_KEY);
    this.stored.set(null);
    this.currentUser.set(null);
    this.endReason.set(reason);
  }

  private persist(session: StoredSession): void {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.stored.set(session);
  }
}
