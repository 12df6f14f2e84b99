import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { DiffSegmentView } from '@vestnik/contracts';
import { I18n } from '@vestnik/editor/i18n';

/**
 * A text diff as people read one: the current text with added words underlined and removed words
 * struck through in their places. Not colour alone: the marks differ in shape, and screen readers
 * hear «добавлено: …» and «удалено: …».
 */
@Component({
  selector: 'vn-diff-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'diff-text' },
  template: `@for (s of segments(); track $index) {@switch (s.op) {@case ('insert') {<ins class="diff-text__ins"><span class="visually-hidden">{{ t('approval.diff.inserted') }} </span>{{ s.text }}<span class="visually-hidden">]</span></ins>} @case ('delete') {<del class="diff-text__del"><span class="visually-hidden">{{ t('approval.diff.deleted') }} </span>{{ s.text }}<span class="visually-hidden">]</span></del>} @default {<span>{{ s.text }}</span>}}}`,
  styles: `
    :host {
      display: block;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      line-height: 1.6;
    }
    .diff-text__ins {
      background: var(--vn-success-soft);
      color: #0f3d1d;
      text-decoration: underline;
      text-decoration-thickness: 2px;
      text-underline-offset: 3px;
    }
    .diff-text__del {
      background: var(--vn-danger-soft);
      color: #7a1710;
      text-decoration: line-through;
      text-decoration-thickness: 2px;
    }
  `,
})
export class DiffText {
  readonly segments = input.required<readonly DiffSegmentView[]>();
  protected readonly t = inject(I18n).t;
}
