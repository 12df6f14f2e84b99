import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, signal, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { isHttpUrl } from '@vestnik/platforms/rules';
import { I18n } from '@vestnik/editor/i18n';
import { FieldControl, FormField } from '@vestnik/editor/ui';
import { Markup, TextEdit, insertLink, toggleMarkup } from './markdown-editing';

let nextId = 0;

/**
 * The post's text with a small toolbar: bold (Ctrl+B), italic (Ctrl+I), link (Ctrl+K). It writes
 * the markup of `@vestnik/platforms/rules`, which each platform then renders its own way.
 */
@Component({
  selector: 'vn-markdown-text-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl],
  template: `
    <vn-form-field [label]="label()" [hint]="hint()">
      <div class="toolbar" role="toolbar" [attr.aria-label]="t('posts.markdown.toolbar', { label: label() })" [attr.aria-controls]="fieldControl().id">
        <button type="button" class="tool" [title]="t('posts.markdown.bold')" [attr.aria-label]="t('posts.markdown.bold')" [disabled]="control().disabled" (mousedown)="$event.preventDefault()" (click)="apply('bold')">
          <b aria-hidden="true">{{ t('posts.markdown.boldGlyph') }}</b>
        </button>
        <button type="button" class="tool" [title]="t('posts.markdown.italic')" [attr.aria-label]="t('posts.markdown.italic')" [disabled]="control().disabled" (mousedown)="$event.preventDefault()" (click)="apply('italic')">
          <i aria-hidden="true">{{ t('posts.markdown.italicGlyph') }}</i>
        </button>
        <button type="button" class="tool" [title]="t('posts.markdown.link')" [attr.aria-label]="t('posts.markdown.link')" [disabled]="control().disabled" [attr.aria-expanded]="linking()" (mousedown)="$event.preventDefault()" (click)="openLink()">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/></svg>
        </button>
        <span class="toolbar__hint">{{ t('posts.markdown.hint') }}</span>
      </div>
      <textarea
        #area
        vnControl
        [formControl]="control()"
        [rows]="rows()"
        (keydown)="onKeydown($event)"
      ></textarea>
    </vn-form-field>
    @if (linking()) {
      <div class="link-form" role="group" [attr.aria-label]="t('posts.markdown.insertLink')">
        <label [for]="uid + '-url'">{{ t('posts.markdown.linkAddress') }}</label>
        <input
          #url
          type="url"
          inputmode="url"
          [placeholder]="t('posts.link.placeholder')"
          [id]="uid + '-url'"
          [value]="linkUrl()"
          [attr.aria-invalid]="linkError() ? 'true' : null"
          [attr.aria-describedby]="linkError() ? uid + '-url-error' : null"
          (input)="linkUrl.set(url.value)"
          (keydown.enter)="$event.preventDefault(); confirmLink()"
          (keydown.escape)="closeLink()"
        />
        <button type="button" class="btn btn--small" (click)="confirmLink()">{{ t('posts.markdown.insert') }}</button>
        <button type="button" class="btn btn--small btn--link" (click)="closeLink()">{{ t('common.action.cancel') }}</button>
        @if (linkError()) {
          <p class="field__error" [id]="uid + '-url-error'">{{ linkError() }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      align-items: center;
      margin-bottom: 0.3rem;
    }
    .tool {
      display: inline-grid;
      place-items: center;
      min-width: 2.25rem;
      min-height: 2.25rem;
      border: 1px solid var(--vn-border);
      border-radius: var(--vn-radius);
      background: var(--vn-surface);
      font: inherit;
      cursor: pointer;
    }
    .tool:hover:not(:disabled) {
      background: #f0f2f5;
    }
    .toolbar__hint {
      margin-left: auto;
      font-size: 0.8rem;
      color: var(--vn-muted);
    }
    textarea {
      resize: vertical;
      min-height: 10rem;
      line-height: 1.45;
    }
    .link-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: -0.6rem 0 1rem;
      padding: 0.6rem;
      background: var(--vn-primary-soft);
      border-radius: var(--vn-radius);
    }
    .link-form input {
      flex: 1 1 16rem;
      min-height: 2rem;
      padding: 0.3rem 0.5rem;
      border: 1px solid #8a96a3;
      border-radius: var(--vn-radius);
      font: inherit;
    }
    .link-form .field__error {
      flex-basis: 100%;
    }
  `,
})
export class MarkdownTextField {
  protected readonly t = inject(I18n).t;
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly rows = input(10);

  protected readonly uid = `vn-markdown-${nextId++}`;
  protected readonly fieldControl = viewChild.required(FieldControl);
  private readonly area = viewChild.required<ElementRef<HTMLTextAreaElement>>('area');
  private readonly urlInput = viewChild<ElementRef<HTMLInputElement>>('url');
  private readonly injector = inject(Injector);

  protected readonly linking = signal(false);
  protected readonly linkUrl = signal('');
  private readonly linkTried = signal(false);
  protected readonly linkError = computed(() =>
    this.linkTried() && !isHttpUrl(this.linkUrl().trim()) ? this.t('posts.link.invalid') : null,
  );
  /** The selection when the link form opened: focus moves to the address, the textarea keeps its place. */
  private linkSelection: [number, number] = [0, 0];

  protected onKeydown(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const key = event.code === 'KeyB' ? 'bold' : event.code === 'KeyI' ? 'italic' : event.code === 'KeyK' ? 'link' : null;
    if (!key) return;
    event.preventDefault();
    if (key === 'link') this.openLink();
    else this.apply(key);
  }

  protected apply(markup: Markup): void {
    const area = this.area().nativeElement;
    this.write(toggleMarkup(area.value, area.selectionStart, area.selectionEnd, markup));
  }

  protected openLink(): void {
    if (this.control().disabled) return;
    const area = this.area().nativeElement;
    this.linkSelection = [area.selectionStart, area.selectionEnd];
    const selected = area.value.slice(area.selectionStart, area.selectionEnd).trim();
    this.linkUrl.set(isHttpUrl(selected) ? selected : '');
    this.linkTried.set(false);
    this.linking.set(true);
    afterNextRender({ write: () => this.urlInput()?.nativeElement.focus() }, { injector: this.injector });
  }

  protected confirmLink(): void {
    this.linkTried.set(true);
    const url = this.linkUrl().trim();
    if (!isHttpUrl(url)) {
      this.urlInput()?.nativeElement.focus();
      return;
    }
    this.linking.set(false);
    const [start, end] = this.linkSelection;
    this.write(insertLink(this.area().nativeElement.value, start, end, url));
  }

  protected closeLink(): void {
    this.linking.set(false);
    this.area().nativeElement.focus();
  }

  private write(edit: TextEdit): void {
    const control = this.control();
    control.setValue(edit.text);
    control.markAsDirty();
    const area = this.area().nativeElement;
    // The value binding lands in the same turn; the selection is set once the textarea shows it.
    afterNextRender(
      {
        write: () => {
          area.focus();
          area.setSelectionRange(edit.selectionStart, edit.selectionEnd);
        },
      },
      { injector: this.injector },
    );
  }
}
