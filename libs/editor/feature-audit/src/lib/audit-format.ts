import { CHANNEL_STATES, LANGUAGES, PLATFORMS, POST_STATUSES, PUBLICATION_STATUSES, ROLES, RUBRICS, type AuditEntryView } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';

/**
 * Every action the server records, by domain: each has a message `audit.action.<action>` in both
 * languages (the spec checks the server's code for new ones, and the messages for each).
 */
export const KNOWN_ACTIONS: readonly string[] = [
  'setup.completed',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'auth.sessions_ended',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'user.password_reset',
  'user.password_set',
  'organization.created',
  'organization.updated',
  'organization.archived',
  'organization.unarchived',
  'membership.added',
  'membership.removed',
  'membership.invited',
  'invitation.revoked',
  'channel.created',
  'channel.updated',
  'channel.deleted',
  'channel.enabled',
  'channel.disabled',
  'channel.verified',
  'channel.needs_attention',
  'channel.oauth_started',
  'channel.oauth_connected',
  'channel.oauth_failed',
  'channel.oauth_channels_created',
  'media.uploaded',
  'media.deleted',
  'post.created',
  'post.updated',
  'post.updated_back_to_review',
  'post.submitted',
  'post.approved',
  'post.rejected',
  'post.cancelled',
  'post.commented',
  'publication.marked_published',
  'publication.reconciled',
  'publication.republished',
  'plan.imported',
  'person.language_changed',
  // What the engine's `publication.<status>` entries mean, one per status a publication can take.
  ...PUBLICATION_STATUSES.map((status) => `publication.${status}`),
];
const ACTIONS = new Set(KNOWN_ACTIONS);

/** Kinds of object with a name of their own (`audit.target.<type>`). */
const TARGET_TYPES = new Set([
  'organization',
  'user',
  'member',
  'membership',
  'invitation',
  'session',
  'channel',
  'channel_oauth',
  'media',
  'post',
  'publication',
  'plan_import',
]);

/** Fields with a name of their own (`audit.field.<name>`). */
const FIELDS = new Set([
  'rows',
  'drafts',
  'notCreated',
  'invalidRows',
  'name',
  'timezone',
  'ownTimezone',
  'parentId',
  'archived',
  'archivedAt',
  'requireAdminTotp',
  'allowSelfApproval',
  'requireFourEyesInSubtree',
  'role',
  'email',
  'totpEnabled',
  'organizationId',
  'userId',
  'organization',
  'adminEmail',
  'createdAccount',
  'emailed',
  'withSubtree',
  'factor',
  'totp',
  'enrollmentRequired',
  'reason',
  'sessions',
  // Posts
  'rubric',
  'title',
  'text',
  'link',
  'mediaIds',
  'variants',
  'channelIds',
  'scheduledAt',
  'status',
  'comment',
  // Channels
  'platform',
  'target',
  'displayName',
  'state',
  'weeklyMinimum',
  'rubricMix',
  'expiresAt',
  'error',
  'created',
  'refused',
  // Publications and media
  'url',
  'code',
  'fileName',
  'mimeType',
  'size',
  'width',
  'height',
  'metadataRemoved',
  // People
  'language',
  'before',
]);

/** Coded values of particular fields in words: the codes each field may hold, and their messages. */
const CODED_VALUES: Record<string, { codes: readonly string[]; label: (code: string, t: Translate) => string }> = {
  factor: { codes: ['password', 'totp'], label: (code, t) => t(`audit.factor.${code}`) },
  rubric: { codes: RUBRICS, label: (code, t) => t(`common.rubric.${code}`) },
  platform: { codes: PLATFORMS, label: (code, t) => t(`common.platform.name.${code}`) },
  reason: { codes: ['logout', 'totp_enabled', 'totp_disabled', 'password_changed', 'password_reset'], label: (code, t) => t(`audit.reason.${code}`) },
  role: { codes: ROLES, label: (code, t) => t(`common.role.${code}`) },
  state: { codes: CHANNEL_STATES, label: (code, t) => t(`common.channelState.${code}`) },
  language: { codes: LANGUAGES, label: (code, t) => t(`common.language.${code}`) },
  // `person.language_changed` keeps the language before the change under `before`.
  before: { codes: LANGUAGES, label: (code, t) => t(`common.language.${code}`) },
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
  t: Translate;
  /** The locale numbers are written in (`ru-RU`, `en-GB`). */
  locale: string;
}

export interface AuditTarget {
  text: string;
  /** Where the object can be opened, when a page shows it. */
  link: { path: string; queryParams?: Record<string, string> } | null;
}

export function hasActionLabel(action: string): boolean {
  return ACTIONS.has(action);
}

/** The action in words; an action this editor does not know yet is named by its kind of object. */
export function describeAction(action: string, t: Translate): string {
  if (ACTIONS.has(action)) return t(`audit.action.${action}`);
  const type = action.split('.')[0];
  return TARGET_TYPES.has(type) ? t('audit.unknown.actionOf', { kind: t(`audit.target.${type}`) }) : t('audit.unknown.action');
}

function statusLabel(entry: AuditEntryView, value: string, t: Translate): string | undefined {
  if (entry.targetType === 'publication' && (PUBLICATION_STATUSES as readonly string[]).includes(value)) return t(`common.publicationStatus.${value}`);
  if (entry.targetType === 'post' && (POST_STATUSES as readonly string[]).includes(value)) return t(`common.postStatus.${value}`);
  return undefined;
}

function formatValue(entry: AuditEntryView, key: string, value: unknown, context: AuditContext): string {
  const { t } = context;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.state.yes') : t('common.state.no');
  if (Array.isArray(value)) return formatList(entry, key, value, context);
  if (typeof value === 'object') return formatRecord(key, value as Record<string, unknown>, t);
  if (typeof value === 'number') return key === 'size' ? formatBytes(value, context) : String(value);
  const text = String(value);
  if (key === 'status') return statusLabel(entry, text, t) ?? text;
  const coded = CODED_VALUES[key];
  if (coded?.codes.includes(text)) return coded.label(text, t);
  if (key === 'state') return text;
  if (context.names.has(text)) return t('audit.value.quoted', { name: context.names.get(text) });
  if (ISO_TIME.test(text)) return context.formatTime(text);
  // An id of something this page cannot name says nothing to a person.
  if (UUID.test(text)) return t('audit.value.hidden');
  return text.length > LONG_VALUE ? `${text.slice(0, LONG_VALUE - 1)}…` : text;
}

function formatList(entry: AuditEntryView, key: string, values: unknown[], context: AuditContext): string {
  const { t } = context;
  if (!values.length) return t('common.state.no');
  if (key === 'mediaIds') return t('audit.value.count', { count: values.length });
  if (key === 'channelIds') {
    const named = values.filter((v): v is string => typeof v === 'string' && context.names.has(v));
    return named.length === values.length ? named.map((v) => t('audit.value.quoted', { name: context.names.get(v) })).join(', ') : t('audit.value.count', { count: values.length });
  }
  if (key === 'variants') return values.map((v) => ((PLATFORMS as readonly string[]).includes(String(v)) ? t(`common.platform.name.${String(v)}`) : String(v))).join(', ');
  if (key === 'created' || key === 'refused') {
    return values
      .map((v) => (v && typeof v === 'object' && 'target' in v ? String((v as { target: unknown }).target) : ''))
      .filter(Boolean)
      .join(', ');
  }
  return values.map((v) => formatValue(entry, key, v, context)).join(', ');
}

function formatRecord(key: string, value: Record<string, unknown>, t: Translate): string {
  if (key === 'rubricMix') {
    return Object.entries(value)
      .map(([rubric, share]) => t('audit.value.share', { rubric: (RUBRICS as readonly string[]).includes(rubric) ? t(`common.rubric.${rubric}`) : rubric, share: String(share) }))
      .join(', ');
  }
  return Object.keys(value).length ? t('audit.value.changed') : '—';
}

function formatBytes(size: number, { t, locale }: AuditContext): string {
  if (size < 1024) return t('audit.value.bytes', { size });
  if (size < 1024 * 1024) return t('audit.value.kilobytes', { size: Math.round(size / 1024) });
  return t('audit.value.megabytes', { size: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(size / 1024 / 1024) });
}

/** One line per changed field: "Часовой пояс: Europe/Moscow → Asia/Sakhalin". */
export function summarizeChange(entry: AuditEntryView, context: AuditContext): string[] {
  const { t } = context;
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN_FIELDS.has(k));
  const label = (key: string) => (FIELDS.has(key) ? t(`audit.field.${key}`) : t('audit.unknown.field'));
  const value = (key: string, v: unknown) => formatValue(entry, key, v, context);
  // For something new, empty and "no" values are defaults, not information.
  if (!entry.before) {
    return keys
      .filter((k) => after[k] !== null && after[k] !== undefined && after[k] !== false && after[k] !== '')
      .map((k) => t('audit.change.set', { field: label(k), value: value(k, after[k]) }));
  }
  if (!entry.after) return keys.map((k) => t('audit.change.removed', { field: label(k), value: value(k, before[k]) }));
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => t('audit.change.changed', { field: label(k), before: value(k, before[k]), after: value(k, after[k]) }));
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
export function describeTarget(entry: AuditEntryView, names: ReadonlyMap<string, string>, t: Translate): AuditTarget {
  const kind = TARGET_TYPES.has(entry.targetType) ? t(`audit.target.${entry.targetType}`) : t('audit.unknown.target');
  const data = { ...(entry.before ?? {}), ...(entry.after ?? {}) } as Record<string, unknown>;
  const known = entry.targetId ? names.get(entry.targetId) : undefined;
  const ownName = entry.targetType === 'post' ? postName(data) : typeof data['name'] === 'string' ? data['name'] : undefined;
  const name = known ?? ownName;
  const email = typeof data['email'] === 'string' ? data['email'] : undefined;
  const platform = typeof data['platform'] === 'string' && (PLATFORMS as readonly string[]).includes(data['platform']) ? t(`common.platform.name.${data['platform']}`) : undefined;

  let text: string;
  if (name) text = email ? t('audit.targetText.namedWithEmail', { kind, name, email }) : t('audit.targetText.named', { kind, name });
  else if (email) text = t('audit.targetText.email', { kind, email });
  else if (platform) text = t('audit.targetText.platform', { kind, platform });
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
