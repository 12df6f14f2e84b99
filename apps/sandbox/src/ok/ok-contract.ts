import { createHash } from 'node:crypto';

/**
 * OK has no machine-readable spec: this table is its contract as the sandbox enforces it
 * (PLATFORMS.md for posting and upload; OK's public method list for verify, edit and delete).
 */
export const OK_METHODS: Readonly<Record<string, { required: readonly string[]; optional: readonly string[] }>> = {
  'users.getCurrentUser': { required: [], optional: ['fields'] },
  'group.getInfo': { required: ['uids', 'fields'], optional: [] },
  'group.getUserGroupsByIds': { required: ['group_id', 'uids'], optional: [] },
  'group.getUserGroupsV2': { required: [], optional: ['uid', 'anchor', 'direction', 'count'] },
  'photosV2.getUploadUrl': { required: [], optional: ['gid', 'aid', 'count'] },
  'mediatopic.post': { required: ['type', 'attachment'], optional: ['gid', 'text_link_preview'] },
  'mediatopic.edit': { required: ['topic_id', 'attachment'], optional: ['gid'] },
  'mediatopic.deleteTopic': { required: ['topic_id'], optional: ['gid'] },
  /**
   * The group's feed, newest first: `{media_topics: [{id, created_ms, media}], anchor, has_more}`.
   * Source: a public client that reads a group's recent posts with it (github.com/Unbewohnte/
   * SNGCNOTIFIERbot, internal/ok: params `gid`, `count`; answer `media_topics[].id`, `created_ms`,
   * `media[].type/text`). OK's own method docs (github.com/apiok/documentation) describe only
   * mediatopic.getByIds, which needs the topic ids a lost answer never gave us. `anchor`,
   * `direction` and `has_more` are OK's paging words elsewhere (group.getUserGroupsV2,
   * group.getStatTopics): unconfirmed for this method, as is the photo item's `photo_refs`.
   */
  'mediatopic.getTopics': { required: ['gid'], optional: ['count', 'anchor', 'direction', 'fields'] },
};

/** Present on every call. */
export const OK_COMMON_PARAMS = new Set(['method', 'application_key', 'format', 'access_token', 'sig']);

/** Roles of group.getUserGroupsByIds allowed to publish and upload. */
export const OK_POSTING_ROLES = new Set(['ADMIN', 'MODERATOR', 'EDITOR', 'SUPER_MODERATOR']);

/** The sandbox's OK text limit (an assumption shared with the rules, which refuse at the same length). */
export const OK_TEXT_MAX = 10000;

const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

/** Written from PLATFORMS.md independently of the adapter, so a misreading shows up as error 104. */
export function expectedOkSignature(params: Readonly<Record<string, string>>, accessToken: string, secretKey: string): string {
  const sorted = Object.entries(params)
    .filter(([name]) => name !== 'access_token' && name !== 'sig')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return md5(sorted.map(([name, value]) => `${name}=${value}`).join('') + md5(accessToken + secretKey));
}

export function okErrorBody(code: number, message: string): object {
  return { error_code: code, error_msg: message, error_data: null };
}
