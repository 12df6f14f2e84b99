/**
 * MAX's request and error shapes (README beside this file): errors are `{code, message}` with an
 * HTTP status; query parameters and the `NewMessageBody` are checked strictly, stricter than MAX,
 * so that our typos fail here instead of being ignored in production.
 */

export interface MaxFailure {
  status: number;
  code: string;
  message: string;
}

export const payloadError = (message: string): MaxFailure => ({ status: 400, code: 'proto.payload', message });
export const notFound = (message: string): MaxFailure => ({ status: 404, code: 'not.found', message });
export const chatDenied = (message: string): MaxFailure => ({ status: 403, code: 'chat.denied', message });
export const invalidToken: MaxFailure = { status: 401, code: 'verify.token', message: 'Invalid access_token' };
/** What MAX answers (HTTP 400) while an uploaded file is still being processed. */
export const attachmentNotReady: MaxFailure = { status: 400, code: 'attachment.not.ready', message: 'Key: errors.process.attachment.file.not.processed' };

/** The `code` an injected error carries when the fault names none. */
export function codeForStatus(status: number): string {
  const codes: Record<number, string> = { 400: 'proto.payload', 401: 'verify.token', 403: 'chat.denied', 404: 'not.found', 405: 'method.not.allowed', 429: 'too.many.requests' };
  return codes[status] ?? (status >= 500 ? 'internal.error' : 'injected.fault');
}

export function isFailure(value: unknown): value is MaxFailure {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value && 'message' in value;
}

export type QueryType = 'integer' | 'boolean' | 'string' | 'list';

export interface QueryParam {
  type: QueryType;
  required?: boolean;
  min?: number;
  max?: number;
  oneOf?: readonly string[];
}

/** Every request may name the API version; MAX reads it, we ignore it. */
const COMMON_QUERY: Readonly<Record<string, QueryParam>> = { v: { type: 'string' } };

/** Checks the query string: known names only, each once, of its type. */
export function checkQuery(spec: Readonly<Record<string, QueryParam>>, query: Record<string, unknown>): Record<string, string> | MaxFailure {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    const param = spec[name] ?? COMMON_QUERY[name];
    if (!param) return payloadError(`Unknown query parameter "${name}"`);
    if (typeof value !== 'string') return payloadError(`Query parameter "${name}" must be given once`);
    const problem = checkQueryValue(param, value);
    if (problem) return payloadError(`Query parameter "${name}" ${problem}`);
    values[name] = value;
  }
  for (const [name, param] of Object.entries(spec)) {
    if (param.required && values[name] === undefined) return payloadError(`Query parameter "${name}" is required`);
  }
  return values;
}

function checkQueryValue(param: QueryParam, value: string): string | null {
  switch (param.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return `must be an integer, got "${value}"`;
      const n = Number(value);
      if (param.min !== undefined && n < param.min) return `must be at least ${param.min}`;
      if (param.max !== undefined && n > param.max) return `must be at most ${param.max}`;
      return null;
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? null : `must be true or false, got "${value}"`;
    case 'list':
      return value.split(',').every((item) => item.trim().length > 0) ? null : 'must be a comma-separated list of ids';
    case 'string':
      if (value.length === 0) return 'must not be empty';
      return param.oneOf && !param.oneOf.includes(value) ? `must be one of ${param.oneOf.join(', ')}, got "${value}"` : null;
  }
}

export const TEXT_MAX = 4000;

/** `NewMessageBody` as the sandbox understands it; `undefined` means "not given". */
export interface NewMessage {
  text?: string | null;
  format?: 'markdown' | 'html' | null;
  /** Image upload tokens; null leaves an edited message's attachments as they are. */
  imageTokens?: string[] | null;
  link?: { type: 'reply' | 'forward'; mid: string } | null;
  notify?: boolean;
}

const BODY_FIELDS = new Set(['text', 'format', 'attachments', 'link', 'notify']);

/** Checks a `NewMessageBody`: known fields, their types, `text` ≤ 4000, image attachments by token only. */
export function checkMessageBody(body: unknown): NewMessage | MaxFailure {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return payloadError('The request body must be a JSON object (NewMessageBody)');
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((name) => !BODY_FIELDS.has(name));
  if (unknown) return payloadError(`Unknown field "${unknown}" in NewMessageBody`);
  const message: NewMessage = {};
  const { text, format, attachments, link, notify } = record;
  if (text !== undefined) {
    if (text !== null && typeof text !== 'string') return payloadError('Field "text" must be a string or null');
    // MAX is written in Java: the limit counts UTF-16 units of the text as sent.
    if (typeof text === 'string' && text.length > TEXT_MAX) return payloadError(`Field "text": size must be between 0 and ${TEXT_MAX}, got ${text.length}`);
    message.text = text;
  }
  if (format !== undefined) {
    if (format !== null && format !== 'markdown' && format !== 'html') return payloadError('Field "format" must be "markdown", "html" or null');
    message.format = format;
  }
  if (notify !== undefined) {
    if (typeof notify !== 'boolean') return payloadError('Field "notify" must be a boolean');
    message.notify = notify;
  }
  if (link !== undefined) {
    const checked = checkLink(link);
    if (isFailure(checked)) return checked;
    message.link = checked;
  }
  if (attachments !== undefined) {
    const checked = checkAttachments(attachments);
    if (isFailure(checked)) return checked;
    message.imageTokens = checked;
  }
  return message;
}

function checkLink(link: unknown): NewMessage['link'] | MaxFailure {
  if (link === null) return null;
  if (typeof link !== 'object' || Array.isArray(link)) return payloadError('Field "link" must be an object {type, mid} or null');
  const { type, mid, ...rest } = link as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra) return payloadError(`Unknown field "link.${extra}"`);
  if (type !== 'reply' && type !== 'forward') return payloadError('Field "link.type" must be "reply" or "forward"');
  if (typeof mid !== 'string' || mid.length === 0) return payloadError('Field "link.mid" must be a message id');
  return { type, mid };
}

function checkAttachments(attachments: unknown): string[] | null | MaxFailure {
  if (attachments === null) return null;
  if (!Array.isArray(attachments)) return payloadError('Field "attachments" must be an array or null');
  const tokens: string[] = [];
  for (const [index, item] of attachments.entries()) {
    const at = `attachments[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return payloadError(`Field "${at}" must be an object {type, payload}`);
    const { type, payload, ...rest } = item as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra) return payloadError(`Unknown field "${at}.${extra}"`);
    if (typeof type !== 'string') return payloadError(`Field "${at}.type" is required`);
    if (type !== 'image') return payloadError(`Field "${at}.type": the sandbox emulates "image" attachments only, got "${type}"`);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payloadError(`Missing \`payload\` in image attachment ${at}`);
    const fields = payload as Record<string, unknown>;
    const other = Object.keys(fields).find((name) => name !== 'token');
    if (other) return payloadError(`Field "${at}.payload.${other}": the sandbox emulates image attachments by upload token only`);
    if (typeof fields['token'] !== 'string' || fields['token'].length === 0) return payloadError(`Missing \`token\` in image attachment ${at}`);
    tokens.push(fields['token']);
  }
  return tokens;
}
