import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n } from '@vestnik/editor/i18n';

/** Routes name their title by a message key (`shell.title.posts`); the tab's title follows the language, switch included. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitles extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly key = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const key = this.key();
      const t = this.i18n.t;
      this.title.setTitle(key ? t('shell.title.suffix', { page: t(key) }) : t('common.appName'));
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set(this.buildTitle(snapshot));
  }
}
