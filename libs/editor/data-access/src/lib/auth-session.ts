import { Injectable, computed, signal } from '@angular/core';
import type { CookieLoginResponse, CurrentUserView, UserView } from '@vestnik/contracts';

/** Why the last session ended; the login page explains it. */
export type SessionEndReason = 'signed-out' | 'expired';

/**
 * The signed-in person, in memory only. The session itself lives in an HttpOnly cookie that no
 * script can read (not even an injected one); after a reload the person is asked from `/auth/me`.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly currentUser = signal<UserView | null>(null);
  private readonly enrollmentRequired = signal(false);
  private readonly endReason = signal<SessionEndReason | null>(null);
  private readonly previousEmail = signal<string | null>(null);
  private readonly starts = signal(0);

  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.currentUser() !== null);
  /** The organization requires a second factor from this admin and it is not on yet. */
  readonly totpEnrollmentRequired = this.enrollmentRequired.asReadonly();
  readonly lastEndReason = this.endReason.asReadonly();
  /** The e-mail of the session that just ended, so signing in again needs only the password. */
  readonly lastEmail = this.previousEmail.asReadonly();
  /** Counts the sessions begun here (a sign-in, or the person found after a reload): what follows a person follows this. */
  readonly sessionsStarted = this.starts.asReadonly();

  /** A new session: after login, setup, an accepted invitation, a password change or a second-factor change. */
  start(response: CookieLoginResponse): void {
    this.currentUser.set(response.user);
    this.enrollmentRequired.set(response.totpEnrollmentRequired);
    this.endReason.set(null);
    this.starts.update((n) => n + 1);
  }

  /** The person as `/auth/me` answers after a reload. */
  restore(me: CurrentUserView): void {
    const { totpEnrollmentRequired, ...user } = me;
    if (this.currentUser() === null) this.starts.update((n) => n + 1);
    this.currentUser.set(user);
    this.enrollmentRequired.set(totpEnrollmentRequired);
  }

  /** The server refused a page because the second factor is still missing. */
  requireEnrollment(): void {
    this.enrollmentRequired.set(true);
  }

  /** Forgets the person here; the server side ends by logout or by itself. */
  end(reason: SessionEndReason): void {
    this.previousEmail.set(this.currentUser()?.email ?? this.previousEmail());
    this.currentUser.set(null);
    this.enrollmentRequired.set(false);
    this.endReason.set(reason);
  }
}
