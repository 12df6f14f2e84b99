import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ChannelView, OAuthPlatform } from '@vestnik/contracts';
import { ChannelOAuthApi, CurrentOrganization, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { subtreeOrder } from './channel-list';
import { connectableOrganizations, indentedName, isOAuthPlatform, oauthErrorText, signInName } from './connect-texts';
import { OAuthPagesForm } from './oauth-pages-form';
import { PlatformMark } from './platform-mark';
import { BotConnectForm } from './bot-connect-form';
import { TokenConnectForm } from './token-connect-form';

/**
 * `/channels/connect`: where pages are connected. VK and OK through their consent pages (the server's
 * callback comes back here with `?connection=<id>` or `?error=<code>&platform=<p>`), Telegram with a
 * bot token, and any VK or OK page with a pasted key. Only admins of an open organization connect.
 */
@Component({
  selector: 'vn-channel-connect-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AlertMessage, PlatformMark, OAuthPagesForm, BotConnectForm, TokenConnectForm],
  templateUrl: './channel-connect-page.html',
  styleUrl: './channel-connect-page.css',
})
export class ChannelConnectPage {
  /** Query parameters set by the server's OAuth callback. */
  readonly connection = input<string>();
  readonly error = input<string>();
  readonly platform = input<string>();

  private readonly current = inject(CurrentOrganization);
  private readonly oauth = inject(ChannelOAuthApi);

  protected readonly t = inject(I18n).t;
  protected readonly indented = indentedName;
  protected readonly signInName = (platform: OAuthPlatform) => signInName(platform, this.t);

  protected readonly organizations = computed(() => {
    const id = this.current.id();
    return id ? connectableOrganizations(subtreeOrder(this.current.tree(), id)) : [];
  });
  /** Where new pages go: the current organization when its admin, else the first one he administers. */
  protected readonly organizationId = linkedSignal(() => {
    const list = this.organizations();
    return list.find((o) => o.id === this.current.id())?.id ?? list[0]?.id ?? '';
  });
  protected readonly loaded = computed(() => this.current.all.hasValue());
  protected readonly currentName = computed(() => this.current.organization()?.name ?? '');

  protected readonly callbackError = computed(() => {
    const code = this.error();
    if (!code) return null;
    const platform = this.platform();
    return { ...oauthErrorText(code, isOAuthPlatform(platform) ? platform : null, this.t), platform: isOAuthPlatform(platform) ? platform : null };
  });

  protected readonly starting = signal<OAuthPlatform | null>(null);
  protected readonly vkButton = computed(() => (this.starting() === 'vk' ? this.t('channels.connect.vkGoing') : this.t('channels.connect.vkSignIn')));
  protected readonly okButton = computed(() => (this.starting() === 'ok' ? this.t('channels.connect.okGoing') : this.t('channels.connect.okSignIn')));
  protected readonly startFailure = signal<string | null>(null);
  protected readonly connected = signal<ChannelView[]>([]);

  protected onOrganization(value: string): void {
    this.organizationId.set(value);
  }

  /** Asks the server for the consent page and goes there; the platform brings the browser back. */
  protected async start(platform: OAuthPlatform): Promise<void> {
    const organizationId = this.organizationId();
    if (!organizationId || this.starting()) return;
    this.starting.set(platform);
    this.startFailure.set(null);
    try {
      const started = await firstValueFrom(this.oauth.start(platform, organizationId));
      globalThis.location.assign(started.authorizeUrl);
    } catch (error) {
      this.startFailure.set(toApiFailure(error).message);
      this.starting.set(null);
    }
  }

  protected onConnected(channel: ChannelView): void {
    this.connected.update((list) => [channel, ...list]);
    globalThis.scrollTo?.({ top: 0 });
  }

  protected organizationName(id: string): string {
    return this.current.byId().get(id)?.name ?? '';
  }
}
