import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { POST_TRANSITIONS, PUBLICATION_STATUSES, PUBLICATION_TRANSITIONS, type AuditEntryView } from '@vestnik/contracts';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import { describeAction, describeTarget, hasActionLabel, KNOWN_ACTIONS, summarizeChange } from './audit-format';

const t = testTranslator('ru');
const en = testTranslator('en');

function entry(partial: Partial<AuditEntryView>): AuditEntryView {
  return {
    id: '1',
    at: '2025-01-01T00:00:00.000Z',
    actorId: 'u',
    actorEmail: 'admin@vestnik.test',
    organizationId: 'o',
    action: 'organization.updated',
    targetType: 'organization',
    targetId: 'o',
    before: null,
    after: null,
    ip: null,
    ...partial,
  };
}

const names = new Map([
  ['o', 'Министерство образования'],
  ['r', 'Правительство области'],
]);
const sakhalinTime = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Asia/Sakhalin', dateStyle: 'short', timeStyle: 'short' });
const context = { names, formatTime: (iso: string) => sakhalinTime.format(new Date(iso)), t, locale: 'ru-RU' };

const ROOT = resolve(__dirname, '../../../../..');
const DOMAINS = ['setup', 'auth', 'user', 'organization', 'membership', 'invitation', 'channel', 'media', 'post', 'publication'];

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' || d.name === 'node_modules' ? [] : serverSources(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every action code written in the server's code: quoted on an audit line, or with a known object prefix. */
function actionsTheServerWrites(): string[] {
  const found = new Set<string>();
  const code = /'([a-z]+\.[a-z_]+)'/g;
  for (const file of [...serverSources(join(ROOT, 'libs/server')), ...serverSources(join(ROOT, 'apps/server/src'))]) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const auditLine = /\baction\b|audit\.record\(/.test(line);
      for (const match of line.matchAll(code)) {
        if (auditLine || DOMAINS.includes(match[1].split('.')[0])) found.add(match[1]);
      }
    }
  }
  // The publishing engine writes `publication.${status}` for whatever status it sets.
  for (const status of PUBLICATION_STATUSES) found.add(`publication.${status}`);
  // The lifecycles declare what each transition is audited as; the server writes those.
  for (const transition of [...Object.values(PUBLICATION_TRANSITIONS), ...Object.values(POST_TRANSITIONS)]) {
    if ('audit' in transition) found.add(transition.audit);
  }
  return [...found].sort();
}

describe('audit format', () => {
  it('has words in Russian and English for every action the server writes', () => {
    const actions = actionsTheServerWrites();
    expect(actions.length).toBeGreaterThan(40);
    expect(actions).toContain('post.approved');
    expect(actions).toContain('publication.marked_published');
    expect(actions.filter((action) => !hasActionLabel(action))).toEqual([]);
    // An action without a message in a language would throw here (the test translators know every key).
    const missing = (translate: typeof t) =>
      [...new Set([...actions, ...KNOWN_ACTIONS])].filter((action) => {
        try {
          return !translate(`audit.action.${action}`);
        } catch {
          return true;
        }
      });
    expect(missing(t)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });

  it('names an unknown action by its object, never by its code', () => {
    expect(describeAction('membership.added', t)).toBe('Добавлен сотрудник');
    expect(describeAction('channel.renamed_elsewhere', t)).toBe('Страница: другое действие');
    expect(describeAction('robot.dance', t)).toBe('Другое действие');
    expect(describeAction('membership.added', en)).toBe('Staff member added');
    expect(describeAction('channel.renamed_elsewhere', en)).toBe('Page: other action');
  });

  it('describes an invitation by its address and role, without the invitation id', () => {
    const invited = entry({ action: 'membership.invited', targetType: 'invitation', targetId: 'i-1', after: { email: 'new@x.ru', role: 'editor', emailed: true } });
    expect(describeAction(invited.action, t)).toBe('Приглашён сотрудник');
    expect(describeTarget(invited, names, t)).toEqual({ text: 'Приглашение new@x.ru', link: null });
    expect(summarizeChange(invited, context)).toEqual(['Эл. почта: new@x.ru', 'Роль: Редактор', 'Ссылка отправлена письмом: да']);
    const joined = entry({ action: 'membership.added', targetType: 'membership', after: { email: 'new@x.ru', role: 'editor', invitationId: 'i-1', createdAccount: true } });
    expect(summarizeChange(joined, context)).toEqual(['Эл. почта: new@x.ru', 'Роль: Редактор', 'Создана учётная запись: да']);
  });

  it('shows only the changed fields of an update, with organization names instead of ids', () => {
    const lines = summarizeChange(
      entry({
        before: { name: 'Минобр', timezone: null, parentId: 'r', updatedAt: 'x' },
        after: { name: 'Министерство образования', timezone: 'Asia/Sakhalin', parentId: 'r', updatedAt: 'y' },
      }),
      context,
    );
    expect(lines).toEqual(['Название: Минобр → Министерство образования', 'Часовой пояс: — → Asia/Sakhalin']);
  });

  it('leaves empty defaults out of a creation and translates roles and flags', () => {
    expect(summarizeChange(entry({ after: { name: 'Школа', parentId: 'o', archived: false, timezone: null } }), context)).toEqual([
      'Название: Школа',
      'Вышестоящая организация: «Министерство образования»',
    ]);
    expect(summarizeChange(entry({ before: { email: 'a@b.ru', role: 'viewer' } }), context)).toEqual([
      'Эл. почта: было a@b.ru',
      'Роль: было Наблюдатель',
    ]);
  });

  it('speaks of a post by its title with a link, its status, rubric, platforms and time in the zone', () => {
    const update = entry({
      action: 'post.updated',
      targetType: 'post',
      targetId: 'p-1',
      before: { title: 'День города', rubric: 'news', status: 'draft', scheduledAt: '2026-05-14T00:00:00.000Z', variants: [], contentHash: 'a', mediaIds: [] },
      after: { title: 'День города', rubric: 'news', status: 'in_review', scheduledAt: '2026-05-14T01:30:00.000Z', variants: ['vk'], contentHash: 'b', mediaIds: ['m1', 'm2'] },
    });
    expect(describeTarget(update, names, t)).toEqual({ text: 'Материал «День города»', link: { path: '/posts/p-1' } });
    const lines = summarizeChange(update, context);
    expect(lines).toContain('Состояние: Черновик → На согласовании');
    expect(lines).toContain('Свой текст для площадок: нет → ВКонтакте');
    expect(lines).toContain('Изображения: нет → 2 шт.');
    expect(lines.find((l) => l.startsWith('Время публикации'))).toMatch(/^Время публикации: .*11:00.* → .*12:30/);
    expect(lines.join(' ')).not.toMatch(/contentHash|\d{4}-\d{2}-\d{2}T/);
  });

  it('names a post without a title by the start of its text', () => {
    const created = entry({ action: 'post.created', targetType: 'post', targetId: 'p-2', after: { title: null, text: 'Уважаемые жители!\nС 1 июня меняется расписание автобусов по всем маршрутам города и пригорода' } });
    expect(describeTarget(created, names, t).text).toBe('Материал «Уважаемые жители! С 1 июня меняется расписание автобусов по…»');
  });

  it('shows publication outcomes with status labels and platform names, without ids', () => {
    const published = entry({
      action: 'publication.published',
      targetType: 'publication',
      targetId: 'pub-1',
      after: { channelId: '5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e', platform: 'vk', remoteId: '123', url: 'https://vk.com/wall-1_123' },
    });
    expect(describeAction(published.action, t)).toBe('Опубликовано на странице');
    expect(describeTarget(published, names, t)).toEqual({ text: 'Публикация, ВКонтакте', link: null });
    expect(summarizeChange(published, context)).toEqual(['Площадка: ВКонтакте', 'Адрес публикации: https://vk.com/wall-1_123']);
    const marked = entry({ action: 'publication.marked_published', targetType: 'publication', targetId: 'pub-1', before: { status: 'unconfirmed' } });
    expect(summarizeChange(marked, context)).toEqual(['Состояние: было Не подтверждено']);
  });

  it('shows a channel with a link to the channels page and its state in words', () => {
    const disabled = entry({ action: 'channel.disabled', targetType: 'channel', targetId: 'c-1', before: { state: 'active' }, after: { state: 'disabled' } });
    expect(describeTarget(disabled, new Map([['c-1', 'Минобр ВК']]), t)).toEqual({ text: 'Страница «Минобр ВК»', link: { path: '/channels' } });
    expect(summarizeChange(disabled, context)).toEqual(['Состояние: Работает → Отключён']);
  });

  it('speaks English when asked', () => {
    const enContext = { ...context, t: en, locale: 'en-GB' };
    const update = entry({ action: 'post.updated', targetType: 'post', targetId: 'p-1', before: { title: 'Day', status: 'draft', mediaIds: [] }, after: { title: 'Day', status: 'in_review', mediaIds: ['m1', 'm2'] } });
    expect(describeTarget(update, names, en).text).toBe('Post “Day”');
    expect(summarizeChange(update, enContext)).toEqual(['Status: Draft → In review', 'Images: no → 2 items']);
    const media = entry({ action: 'media.uploaded', targetType: 'media', targetId: 'm', after: { size: 1_572_864, metadataRemoved: true } });
    expect(summarizeChange(media, enContext)).toEqual(['Size: 1.5 MB', 'File metadata removed: yes']);
    expect(summarizeChange(media, context)).toEqual(['Размер: 1,5 МБ', 'Служебные сведения из файла удалены: да']);
    const language = entry({ action: 'person.language_changed', targetType: 'user', targetId: 'u', after: { email: 'a@b.ru', before: 'ru', language: 'en' } });
    expect(describeAction(language.action, en)).toBe('Interface language changed');
    expect(summarizeChange(language, enContext)).toEqual(['Email: a@b.ru', 'Previously: Русский', 'Interface language: English']);
    expect(summarizeChange(language, context)).toEqual(['Эл. почта: a@b.ru', 'Было: Русский', 'Язык интерфейса: English']);
  });

  it('never shows an id it cannot name, and cuts very long values', () => {
    const lines = summarizeChange(entry({ after: { userId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d', name: 'я'.repeat(1000) } }), context);
    expect(lines[0]).toBe('Пользователь: не показывается');
    expect(lines[1].length).toBeLessThan(320);
    expect(describeTarget(entry({ targetType: 'user', targetId: '12345678-abcd', after: null }), new Map(), t)).toEqual({ text: 'Учётная запись', link: null });
  });
});
