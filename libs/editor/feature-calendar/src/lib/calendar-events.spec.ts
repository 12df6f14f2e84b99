import type { PostStatus, Rubric } from '@vestnik/contracts';
import { post } from './post-factory.spec-helper';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { busyDays, canReschedule, dayKey, daysBetween, eventHtml, hourSpan, postToEvent, RUBRIC_STYLES, viewDays } from './calendar-events';

const t = testTranslator('ru');

describe('posts as calendar events', () => {
  it('places a post by its UTC instant, for FullCalendar to show in the organization zone', () => {
    const event = postToEvent(post({ scheduledAt: '2026-08-31T23:00:00.000Z' }), 'editor', 'Метка', t);
    expect(new Date(event.start).toISOString()).toBe('2026-08-31T23:00:00.000Z');
    expect(event.allDay).toBe(false);
    // The same instant is 1 September on Sakhalin and still 31 August in Moscow: the day follows the zone.
    expect(dayKey(new Date(event.start), 'Asia/Sakhalin')).toBe('2026-09-01');
    expect(dayKey(new Date(event.start), 'Europe/Moscow')).toBe('2026-09-01');
    expect(dayKey('2026-08-31T20:30:00.000Z', 'Asia/Sakhalin')).toBe('2026-09-01');
    expect(dayKey('2026-08-31T20:30:00.000Z', 'Europe/Moscow')).toBe('2026-08-31');
  });

  it('colours each rubric and names it by a letter too', () => {
    const rubrics: Rubric[] = ['official', 'useful', 'entertaining'];
    const events = rubrics.map((rubric) => postToEvent(post({ rubric }), 'editor', 'Метка', t));
    expect(events.map((e) => e.color)).toEqual([RUBRIC_STYLES.official.color, RUBRIC_STYLES.useful.color, RUBRIC_STYLES.entertaining.color]);
    expect(new Set(events.map((e) => e.color)).size).toBe(3);
    expect(events.map((e) => eventHtml(e.extendedProps, '10:00', { showTime: true, showPlatforms: true, wrap: false }).match(/vn-ev__rubric[^>]*>(.)</)?.[1])).toEqual(['О', 'П', 'Р']);
    expect(events[0].className).toContain('vn-post--official');
  });

  it('marks status and platforms, in symbols and in words', () => {
    const event = postToEvent(post({ status: 'in_review', platforms: ['telegram', 'vk', 'telegram'] }), 'editor', 'День знаний', t);
    expect(event.extendedProps.platforms).toEqual(['vk', 'telegram']);
    expect(event.className).toContain('vn-post--in-review');
    const html = eventHtml(event.extendedProps, '10:00', { showTime: true, showPlatforms: true, wrap: false });
    expect(html).toContain('<span class="vn-ev__time">10:00</span>');
    expect(html).toContain('ВК TG');
    expect(html).toContain('Официальное; На согласовании; ВКонтакте, Telegram');
    // The whole of it on hover, where the cell cuts the title.
    expect(html).toContain('title="10:00 День знаний\nОфициальное; На согласовании; ВКонтакте, Telegram"');
    // Where the time is not shown beside the title, screen readers still hear it.
    const week = eventHtml(event.extendedProps, '10:00', { showTime: false, showPlatforms: false, wrap: false });
    expect(week).not.toContain('vn-ev__time');
    expect(week).not.toContain('vn-ev__platforms');
    expect(week).toContain('. 10:00; Официальное');
  });

  it('speaks English when asked: rubric letter, status, platforms', () => {
    const event = postToEvent(post({ rubric: 'useful', status: 'in_review', platforms: ['vk', 'telegram'] }), 'editor', 'Open day', testTranslator('en'));
    const html = eventHtml(event.extendedProps, '10:00', { showTime: true, showPlatforms: true, wrap: false });
    expect(html).toContain('<span class="vn-ev__rubric" aria-hidden="true">U</span>');
    expect(html).toContain('VK TG');
    expect(html).toContain('Useful; In review; VK, Telegram');
  });

  it('escapes what people typed', () => {
    const event = postToEvent(post(), 'editor', '<img src=x onerror=alert(1)> «Итоги»', t);
    const html = eventHtml(event.extendedProps, '', { showTime: true, showPlatforms: true, wrap: true });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; «Итоги»');
    expect(html).toContain('vn-ev--wrap');
  });

  it('opens the post on click and shows the label it is given', () => {
    const event = postToEvent(post({ id: 'abc' }), 'viewer', 'Приём граждан', t);
    expect(event.url).toBe('/posts/abc');
    expect(event.title).toBe('Приём граждан');
    expect(event.extendedProps.label).toBe('Приём граждан');
  });

  it('lets editors drag only posts that have not gone out', () => {
    const statuses: PostStatus[] = ['draft', 'in_review', 'scheduled', 'publishing', 'published', 'partially_published', 'failed', 'cancelled'];
    expect(statuses.filter((status) => canReschedule({ status }, 'editor'))).toEqual(['draft', 'in_review', 'scheduled']);
    expect(canReschedule({ status: 'draft' }, 'admin')).toBe(true);
    expect(canReschedule({ status: 'draft' }, 'viewer')).toBe(false);
    expect(canReschedule({ status: 'draft' }, undefined)).toBe(false);
    expect(postToEvent(post({ status: 'published' }), 'admin', 'Метка', t).startEditable).toBe(false);
    expect(postToEvent(post({ status: 'scheduled' }), 'supervisor', 'Метка', t).startEditable).toBe(true);
    expect(postToEvent(post({ status: 'scheduled' }), 'supervisor', 'Метка', t).durationEditable).toBe(false);
  });
});

describe('days and hours of the zone', () => {
  it('finds the days with posts, in the zone', () => {
    const posts = [post({ scheduledAt: '2026-08-31T14:00:00.000Z' }), post({ scheduledAt: '2026-08-31T12:59:00.000Z' }), post({ scheduledAt: '2026-09-02T01:00:00.000Z' })];
    expect([...busyDays(posts, 'Asia/Sakhalin')].sort()).toEqual(['2026-08-31', '2026-09-01', '2026-09-02']);
    expect([...busyDays(posts, 'Europe/Moscow')].sort()).toEqual(['2026-08-31', '2026-09-02']);
  });

  it('lists calendar days, across months and a leap day', () => {
    expect(daysBetween('2026-08-30', '2026-09-02')).toEqual(['2026-08-30', '2026-08-31', '2026-09-01']);
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29']);
    expect(daysBetween('2026-09-01', '2026-09-01')).toEqual([]);
  });

  it('widens the week to the earliest and latest post of the zone', () => {
    const workday = { first: 8, end: 21 };
    expect(hourSpan([], 'Asia/Sakhalin', workday)).toEqual(workday);
    // 19:30 UTC is 06:30 on Sakhalin; 12:45 UTC is 23:45 there.
    const posts = [post({ scheduledAt: '2026-08-31T19:30:00.000Z' }), post({ scheduledAt: '2026-09-01T12:45:00.000Z' })];
    expect(hourSpan(posts, 'Asia/Sakhalin', workday)).toEqual({ first: 6, end: 24 });
    expect(hourSpan(posts, 'Europe/Moscow', workday)).toEqual({ first: 8, end: 23 });
  });
});

describe('the days a view opens on', () => {
  it('lays a month out in whole weeks from Monday', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    expect(viewDays('dayGridMonth', '2026-12-17')).toEqual({ view: 'dayGridMonth', gridFirst: '2026-11-30', gridEnd: '2027-01-04', first: '2026-12-01', end: '2027-01-01' });
    // February 2027 starts on a Monday and ends on a Sunday: no neighbouring days.
    expect(viewDays('dayGridMonth', '2027-02-01')).toEqual({ view: 'dayGridMonth', gridFirst: '2027-02-01', gridEnd: '2027-03-01', first: '2027-02-01', end: '2027-03-01' });
  });

  it('takes the week of the day, Monday to Sunday', () => {
    expect(viewDays('timeGridWeek', '2026-12-17')).toMatchObject({ gridFirst: '2026-12-14', gridEnd: '2026-12-21', first: '2026-12-14', end: '2026-12-21' });
    expect(viewDays('listWeek', '2026-12-14')).toMatchObject({ gridFirst: '2026-12-14', gridEnd: '2026-12-21' });
    expect(viewDays('timeGridWeek', '2026-12-20')).toMatchObject({ gridFirst: '2026-12-14' });
    expect(viewDays('timeGridWeek', '2027-01-01')).toMatchObject({ gridFirst: '2026-12-28', gridEnd: '2027-01-04' });
  });
});
