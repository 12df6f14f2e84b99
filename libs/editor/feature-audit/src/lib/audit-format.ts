import { ROLE_LABELS, type AuditEntryView, type Role } from '@vestnik/contracts';

/** Russian names of the actions the server records; unknown ones are shown as their code. */
const ACTION_LABELS: Record<string, string> = {
  'setup.completed': 'Первоначальная настройка',
  'auth.login': 'Вход в систему',
  'auth.login_failed': 'Неудачная попытка входа',
  'auth.totp_enabled': 'Включён вход с одноразовым кодом',
  'auth.totp_disabled': 'Отключён вход с одноразовым кодом',
  'organization.created': 'Создана организация',
  'organization.updated': 'Изменена организация',
  'organization.archived': 'Организация перемещена в архив',
  'organization.unarchived': 'Организация возвращена из архива',
  'membership.added': 'Добавлен сотрудник',
  'membership.removed': 'Удалён сотрудник',
  'membership.invited': 'Приглашён сотрудник',
  'invitation.revoked': 'Отозвано приглашение',
  'user.password_reset': 'Пароль сброшен администратором',
  'user.password_set': 'Задан новый пароль по ссылке',
};

const TARGET_LABELS: Record<string, string> = {
  organization: 'Организация',
  user: 'Учётная запись',
  member: 'Сотрудник',
  membership: 'Сотрудник',
  invitation: 'Приглашение',
  session: 'Сеанс',
};

const FIELD_LABELS: Record<string, string> = {
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
};

/** Russian words for coded values of particular fields. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  factor: { password: 'пароль', totp: 'одноразовый код' },
};

/** Technical fields that say nothing to a person reading the journal. */
const HIDDEN_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'passwordHash', 'totpSecret', 'version', 'invitationId']);

export function describeAction(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

function formatValue(key: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (key === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  const coded = typeof value === 'string' ? VALUE_LABELS[key]?.[value] : undefined;
  if (coded) return coded;
  if (typeof value === 'string' && names.has(value)) return `«${names.get(value)}»`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** One line per changed field: "Часовой пояс: Europe/Moscow → Asia/Sakhalin". */
export function summarizeChange(entry: AuditEntryView, names: ReadonlyMap<string, string>): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN_FIELDS.has(k));
  const label = (key: string) => FIELD_LABELS[key] ?? key;
  // For something new, empty and "no" values are defaults, not information.
  if (!entry.before) {
    return keys
      .filter((k) => after[k] !== null && after[k] !== undefined && after[k] !== false && after[k] !== '')
      .map((k) => `${label(k)}: ${formatValue(k, after[k], names)}`);
  }
  if (!entry.after) return keys.map((k) => `${label(k)}: было ${formatValue(k, before[k], names)}`);
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${label(k)}: ${formatValue(k, before[k], names)} → ${formatValue(k, after[k], names)}`);
}

/** "Организация «Школа № 5»" or "Сотрудник ivanov@example.ru". */
export function describeTarget(entry: AuditEntryView, names: ReadonlyMap<string, string>): string {
  const kind = TARGET_LABELS[entry.targetType] ?? entry.targetType;
  const data = { ...(entry.before ?? {}), ...(entry.after ?? {}) } as Record<string, unknown>;
  const known = entry.targetId ? names.get(entry.targetId) : undefined;
  const name = known ?? (typeof data['name'] === 'string' ? data['name'] : undefined);
  const email = typeof data['email'] === 'string' ? data['email'] : undefined;
  if (name) return `${kind} «${name}»${email ? ` (${email})` : ''}`;
  if (email) return `${kind} ${email}`;
  return entry.targetId ? `${kind} ${entry.targetId.slice(0, 8)}…` : kind;
}
