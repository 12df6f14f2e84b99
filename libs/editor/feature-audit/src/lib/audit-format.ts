import {
  CHANNEL_STATE_LABELS,
  POST_STATUS_LABELS,
  PUBLICATION_STATUS_LABELS,
  ROLE_LABELS,
  RUBRIC_LABELS,
  type AuditEntryView,
  type PublicationStatus,
} from '@vestnik/contracts';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';

/** What the engine's `publication.<status>` entries mean, one per status a publication can take. */
const PUBLICATION_ACTIONS: Record<PublicationStatus, string> = {
  pending: 'Публикация вернулась к ожиданию согласования',
  scheduled: 'Публикация отложена до нового времени',
  publishing: 'Публикация отправляется',
  published: 'Опубликовано на странице',
  failed: 'Опубликовать не удалось',
  unconfirmed: 'Площадка не подтвердила публикацию',
  missed: 'Пропущено время публикации',
  cancelled: 'Публикация отменена',
};

/** Russian names of every action the server records (the spec checks the server's code for new ones). */
const ACTION_LABELS: Record<string, string> = {
  'setup.completed': 'Первоначальная настройка',
  'auth.login': 'Вход в систему',
  'auth.login_failed': 'Неудачная попытка входа',
  'auth.logout': 'Выход из системы',
  'auth.password_changed': 'Пароль изменён',
  'auth.sessions_ended': 'Завершены сеансы',
  'auth.totp_enabled': 'Включён вход с одноразовым кодом',
  'auth.totp_disabled': 'Отключён вход с одноразовым кодом',
  'user.password_reset': 'Пароль сброшен администратором',
  'user.password_set': 'Задан новый пароль по ссылке',
  'organization.created': 'Создана организация',
  'organization.updated': 'Изменена организация',
  'organization.archived': 'Организация перемещена в архив',
  'organization.unarchived': 'Организация возвращена из архива',
  'membership.added': 'Добавлен сотрудник',
  'membership.removed': 'Удалён сотрудник',
  'membership.invited': 'Приглашён сотрудник',
  'invitation.revoked': 'Отозвано приглашение',
  'channel.created': 'Подключена страница',
  'channel.updated': 'Изменена страница',
  'channel.deleted': 'Удалена страница',
  'channel.enabled': 'Страница включена',
  'channel.disabled': 'Страница отключена',
  'channel.verified': 'Доступ к странице проверен',
  'channel.needs_attention': 'Страница требует внимания',
  'channel.oauth_started': 'Начато подключение страниц через вход на площадке',
  'channel.oauth_connected': 'Вход на площадке выполнен',
  'channel.oauth_failed': 'Вход на площадке не удался',
  'channel.oauth_channels_created': 'Подключены страницы после входа на площадке',
  'media.uploaded': 'Загружено изображение',
  'media.deleted': 'Удалено изображение',
  'post.created': 'Создан материал',
  'post.updated': 'Изменён материал',
  'post.updated_back_to_review': 'Изменён согласованный материал: снова на согласовании',
  'post.submitted': 'Материал отправлен на согласование',
  'post.approved': 'Материал согласован',
  'post.rejected': 'Материал возвращён на доработку',
  'post.cancelled': 'Публикация материала отменена',
  'post.commented': 'Комментарий к материалу',
  'publication.marked_published': 'Отмечено как опубликованное вручную',
  'publication.reconciled': 'Ответ площадки потерялся, запись найдена на странице: опубликовано',
  'publication.republished': 'Отправлено на публикацию снова',
  'plan.imported': 'Импортирован план из файла',
  ...Object.fromEntries(Object.entries(PUBLICATION_ACTIONS).map(([status, label]) => [`publication.${status}`, label])),
};

const TARGET_LABELS: Record<string, string> = {
  organization: 'Организация',
  user: 'Учётная запись',
  member: 'Сотрудник',
  membership: 'Сотрудник',
  invitation: 'Приглашение',
  session: 'Сеанс',
  channel: 'Страница',
  channel_oauth: 'Подключение страниц',
  media: 'Изображение',
  post: 'Материал',
  publication: 'Публикация',
  plan_import: 'План из файла',
};

const FIELD_LABELS: Record<string, string> = {
  rows: 'Строк в плане',
  drafts: 'Создано черновиков',
  notCreated: 'Не создано',
  invalidRows: 'Строк с ошибками',
  name: 'Название',
  timezone: 'Часовой пояс',
  ownTimezone: 'Свой часовой пояс',
  parentId: 'Вышестоящая организация',
  archived: 'В архиве',
  archivedAt: 'В архиве с',
  requireAdminTotp: 'Код для администраторов',
  allowSelfApproval: 'Самосогласование',
  requireFourEyesInSubtree: '«Четыре глаза» для подчинённых',
  role: 'Роль',
  email: 'Эл. почта',
  totpEnabled: 'Вход с кодом',
  organizationId: 'Организация',
  userId: 'Пользователь',
  organization: 'Организация',
  adminEmail: 'Администратор',
  createdAccount: 'Создана учётная запись',
  emailed: 'Ссылка отправлена письмом',
  withSubtree: 'Вместе с подчинёнными',
  factor: 'Не пройдена проверка',
  totp: 'С одноразовым кодом',
  enrollmentRequired: 'Нужно подключить код',
  reason: 'Причина',
  sessions: 'Сеансов',
  // Posts
  rubric: 'Рубрика',
  title: 'Заголовок',
  text: 'Текст',
  link: 'Ссылка',
  mediaIds: 'Изображения',
  variants: 'Свой текст для площадок',
  channelIds: 'Страницы',
  scheduledAt: 'Время публикации',
  status: 'Состояние',
  comment: 'Комментарий',
  // Channels
  platform: 'Площадка',
  target: 'Адрес на площадке',
  displayName: 'Название на площадке',
  state: 'Состояние',
  weeklyMinimum: 'Минимум публикаций в неделю',
  rubricMix: 'Доли рубрик',
  expiresAt: 'Действует до',
  error: 'Ошибка площадки',
  created: 'Подключены',
  refused: 'Не подключены',
  // Publications and media
  url: 'Адрес публикации',
  code: 'Код причины',
  fileName: 'Файл',
  mimeType: 'Тип файла',
  size: 'Размер',
  width: 'Ширина, пикс.',
  height: 'Высота, пикс.',
  metadataRemoved: 'Служебные сведения из файла удалены',
};

/** Russian words for coded values of particular fields. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  factor: { password: 'пароль', totp: 'одноразовый код' },
  rubric: RUBRIC_LABELS,
  platform: PLATFORM_TITLES,
  reason: {
    logout: 'выход',
    totp_enabled: 'включён вход с кодом',
    totp_disabled: 'отключён вход с кодом',
    password_changed: 'смена пароля',
    password_reset: 'сброс пароля',
  },
};

/** Technical fields that say nothing to a person reading the journal. */
const HIDDEN_FIELDS = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'passwordHash',
  'totpSecret',
  'version',
  'invitationId',
  'contentHash',
  'approvedHash',
  'commentId',
  'channelId',
  'remoteId',
  'remoteTargetId',
  'sha256',
]);

/** Past this length a value is cut: the journal row stays readable, the full text lives in the object. */
const LONG_VALUE = 300;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** What a line of the journal needs to turn codes into words. */
export interface AuditContext {
  /** Names of organizations (and anything else known) by id. */
  names: ReadonlyMap<string, string>;
  /** A time in the organization's zone, as the page shows times (the column heading names the zone). */
  formatTime: (iso: string) => string;
}

export interface AuditTarget {
  text: string;
  /** Where the object can be opened, when a page shows it. */
  link: { path: string; queryParams?: Record<string, string> } | null;
}

export function hasActionLabel(action: string): boolean {
  return action in ACTION_LABELS;
}

/** The action in words; an action this editor does not know yet is named by its kind of object. */
export function describeAction(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const kind = TARGET_LABELS[action.split('.')[0]];
  return kind ? `${kind}: другое действие` : 'Другое действие';
}

function statusLabel(entry: AuditEntryView, value: string): string | undefined {
  if (entry.targetType === 'publication') return PUBLICATION_STATUS_LABELS[value as PublicationStatus];
  if (entry.targetType === 'post') return (POST_STATUS_LABELS as Record<string, string>)[value];
  return undefined;
}

function formatValue(entry: AuditEntryView, key: string, value: unknown, context: AuditContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (Array.isArray(value)) return formatList(entry, key, value, context);
  if (typeof value === 'object') return formatRecord(key, value as Record<string, unknown>);
  if (typeof value === 'number') return key === 'size' ? formatBytes(value) : String(value);
  const text = String(value);
  if (key === 'role' && text in ROLE_LABELS) return ROLE_LABELS[text as keyof typeof ROLE_LABELS];
  if (key === 'status') return statusLabel(entry, text) ?? text;
  if (key === 'state') return (CHANNEL_STATE_LABELS as Record<string, string>)[text] ?? text;
  const coded = VALUE_LABELS[key]?.[text];
  if (coded) return coded;
  if (context.names.has(text)) return `«${context.names.get(text)}»`;
  if (ISO_TIME.test(text)) return context.formatTime(text);
  // An id of something this page cannot name says nothing to a person.
  if (UUID.test(text)) return 'не показывается';
  return text.length > LONG_VALUE ? `${text.slice(0, LONG_VALUE - 1)}…` : text;
}

function formatList(entry: AuditEntryView, key: string, values: unknown[], context: AuditContext): string {
  if (!values.length) return 'нет';
  if (key === 'mediaIds') return `${values.length} шт.`;
  if (key === 'channelIds') {
    const named = values.filter((v): v is string => typeof v === 'string' && context.names.has(v));
    return named.length === values.length ? named.map((v) => `«${context.names.get(v)}»`).join(', ') : `${values.length} шт.`;
  }
  if (key === 'variants') return values.map((v) => VALUE_LABELS['platform'][String(v)] ?? String(v)).join(', ');
  if (key === 'created' || key === 'refused') {
    return values
      .map((v) => (v && typeof v === 'object' && 'target' in v ? String((v as { target: unknown }).target) : ''))
      .filter(Boolean)
      .join(', ');
  }
  return values.map((v) => formatValue(entry, key, v, context)).join(', ');
}

function formatRecord(key: string, value: Record<string, unknown>): string {
  if (key === 'rubricMix') {
    return Object.entries(value)
      .map(([rubric, share]) => `${(RUBRIC_LABELS as Record<string, string>)[rubric] ?? rubric} ${String(share)}%`)
      .join(', ');
  }
  return Object.keys(value).length ? 'изменено' : '—';
}

function formatBytes(size: number): string {
  if (size < 1024) return `${size} Б`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} КБ`;
  return `${(size / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}

/** One line per changed field: "Часовой пояс: Europe/Moscow → Asia/Sakhalin". */
export function summarizeChange(entry: AuditEntryView, context: AuditContext): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN_FIELDS.has(k));
  const label = (key: string) => FIELD_LABELS[key] ?? 'Другое поле';
  const value = (key: string, v: unknown) => formatValue(entry, key, v, context);
  // For something new, empty and "no" values are defaults, not information.
  if (!entry.before) {
    return keys
      .filter((k) => after[k] !== null && after[k] !== undefined && after[k] !== false && after[k] !== '')
      .map((k) => `${label(k)}: ${value(k, after[k])}`);
  }
  if (!entry.after) return keys.map((k) => `${label(k)}: было ${value(k, before[k])}`);
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${label(k)}: ${value(k, before[k])} → ${value(k, after[k])}`);
}

/** A post is named by its title, else by the start of its text. */
function postName(data: Record<string, unknown>): string | undefined {
  const title = typeof data['title'] === 'string' ? data['title'].trim() : '';
  if (title) return title;
  const text = typeof data['text'] === 'string' ? data['text'].replace(/\s+/g, ' ').trim() : '';
  if (!text) return undefined;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** "Организация «Школа № 5»" or "Сотрудник ivanov@example.ru", with a link where a page shows it. */
export function describeTarget(entry: AuditEntryView, names: ReadonlyMap<string, string>): AuditTarget {
  const kind = TARGET_LABELS[entry.targetType] ?? 'Объект';
  const data = { ...(entry.before ?? {}), ...(entry.after ?? {}) } as Record<string, unknown>;
  const known = entry.targetId ? names.get(entry.targetId) : undefined;
  const ownName = entry.targetType === 'post' ? postName(data) : typeof data['name'] === 'string' ? data['name'] : undefined;
  const name = known ?? ownName;
  const email = typeof data['email'] === 'string' ? data['email'] : undefined;
  const platform = typeof data['platform'] === 'string' ? PLATFORM_TITLES[data['platform'] as keyof typeof PLATFORM_TITLES] : undefined;

  let text: string;
  if (name) text = `${kind} «${name}»${email ? ` (${email})` : ''}`;
  else if (email) text = `${kind} ${email}`;
  else if (platform) text = `${kind}, ${platform}`;
  else text = kind;

  return { text, link: targetLink(entry) };
}

function targetLink(entry: AuditEntryView): AuditTarget['link'] {
  const id = entry.targetId;
  if (!id) return null;
  switch (entry.targetType) {
    case 'post':
      return { path: `/posts/${id}` };
    case 'channel':
      return entry.action === 'channel.deleted' ? null : { path: '/channels' };
    case 'organization':
      return { path: '/organizations', queryParams: { org: id } };
    default:
      return null;
  }
}
