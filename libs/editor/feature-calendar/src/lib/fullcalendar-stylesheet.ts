import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';

/**
 * FullCalendar's stylesheet is built as the non-injected global style `fullcalendar.css` (see the
 * editor's project.json): it reaches the browser only when the calendar opens, like its code.
 * Resolves when it has loaded (or failed: the calendar still works, only plainer).
 */
export function loadFullCalendarStylesheet(): Promise<void> {
  const doc = inject(DOCUMENT);
  const existing = doc.head.querySelector<HTMLLinkElement>('link[data-vn-fullcalendar]');
  if (existing) return existing.dataset['loaded'] ? Promise.resolve() : waitFor(existing);
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'fullcalendar.css';
  link.dataset['vnFullcalendar'] = '';
  const loaded = waitFor(link);
  doc.head.appendChild(link);
  return loaded;
}

function waitFor(link: HTMLLinkElement): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      link.dataset['loaded'] = 'true';
      resolve();
    };
    link.addEventListener('load', done, { once: true });
    link.addEventListener('error', done, { once: true });
  });
}
