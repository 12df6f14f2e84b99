import type { TelegramFieldSpec, TelegramSpec } from '../specs/telegram-spec';

/**
 * Checks a request's parameters against api.json: known names only (stricter than Telegram, to
 * catch our typos), required ones present, values of the declared types. Multipart file fields
 * are allowed when referenced (InputFile parameter or `attach://name`). Returns a description
 * for a 400 answer, or null.
 */
export function checkTelegramParams(
  spec: TelegramSpec,
  fields: Map<string, TelegramFieldSpec>,
  values: Record<string, unknown>,
  fileFields: ReadonlySet<string>,
): string | null {
  for (const name of Object.keys(values)) {
    if (!fields.has(name)) return `Bad Request: unknown parameter "${name}"`;
  }
  for (const field of fields.values()) {
    const value = values[field.name];
    const isFile = fileFields.has(field.name) && field.types.includes('InputFile');
    if (value === undefined || value === '') {
      if (field.required && !isFile) return `Bad Request: parameter "${field.name}" is required`;
      continue;
    }
    const problem = checkValue(spec, field.types, value);
    if (problem) return `Bad Request: parameter "${field.name}" ${problem}`;
  }
  return null;
}

function checkValue(spec: TelegramSpec, types: readonly string[], value: unknown): string | null {
  const problems: string[] = [];
  for (const type of types) {
    const problem = matchType(spec, type, value);
    if (problem === null) return null;
    problems.push(problem);
  }
  return problems.length === 1 ? problems[0] : `must be ${types.join(' or ')}`;
}

function matchType(spec: TelegramSpec, type: string, value: unknown): string | null {
  if (type.startsWith('Array of ')) {
    const items = asJson(value);
    if (!Array.isArray(items)) return `must be ${type} (a JSON array)`;
    const itemType = type.slice('Array of '.length);
    for (const [index, item] of items.entries()) {
      const problem = matchType(spec, itemType, item);
      if (problem) return `item ${index}: ${problem}`;
    }
    return null;
  }
  switch (type) {
    case 'Integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value)) ? null : 'must be Integer';
    case 'Float':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ? null : 'must be Float';
    case 'Boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? null : 'must be Boolean';
    case 'String':
      return typeof value === 'string' ? null : 'must be String';
    case 'InputFile':
      return 'must be a file sent as multipart/form-data';
    default:
      return matchObject(spec, type, value);
  }
}

/** Object types: a JSON object (or its JSON text), checked one level deep against api.json. */
function matchObject(spec: TelegramSpec, type: string, value: unknown): string | null {
  const object = asJson(value);
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return `must be ${type} (a JSON object)`;
  const fields = spec.types.get(type);
  if (!fields) return null;
  const record = object as Record<string, unknown>;
  for (const name of Object.keys(record)) if (!fields.has(name)) return `(${type}) has unknown field "${name}"`;
  for (const field of fields.values()) {
    const v = record[field.name];
    if (v === undefined) {
      if (field.required) return `(${type}) misses required field "${field.name}"`;
      continue;
    }
    const problem = field.types.some((t) => t === 'InputFile') ? null : checkValue(spec, field.types, v);
    if (problem) return `(${type}) field "${field.name}" ${problem}`;
  }
  return null;
}

/** Form and multipart send JSON-serialized arrays and objects as text. */
export function asJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
