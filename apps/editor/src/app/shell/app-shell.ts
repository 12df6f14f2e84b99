import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthSession } from '@vestnik/editor/data-access';

/** The frame of every page after sign-in: header with the user, navigation and sign-out. */
@Component({
  selector: 'vn-app-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './app-shell.html',
  styleUrl: './app-shell.css',
})
export class AppShell {
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  protected readonly user = this.session.user;
  /** While the second factor must be set up, the rest of the editor is closed: hide its links. */
  protected readonly restricted = this.session.totpEnrollmentRequired;

  protected skipToContent(event: Event): void {
    event.preventDefault();
    document.getElementById('main-content')?.focus();
  }

  protected async signOut(): Promise<void> {
    this.session.end('signed-out');
    await this.router.navigateByUrl('/login');
  }
}
