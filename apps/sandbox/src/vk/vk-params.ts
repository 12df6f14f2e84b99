import type { VkMethodSpec, VkParamSpec, VkParamType } from '../specs/vk-spec';
import type { RequestFields } from '../http/request-body';

/** Parameters VK accepts on every method; everything else must be in the method's schema. */
export const VK_GLOBAL_PARAMS = new Set(['v', 'access_token', 'lang', 'test_mode', 'captcha_sid', 'captcha_key']);

export interface VkParamProblem {
  code: number;
  message: string;
}

/**
 * Checks names, types and required flags against VK's schema. Stricter than VK on purpose:
 * an unknown parameter is error 100 naming it, to catch our own typos.
 */
export function checkVkParams(method: VkMethodSpec, fields: RequestFields): VkParamProblem | null {
  const version = fields['v'];
  if (version === undefined || version === '') return { code: 8, message: 'Invalid request: v (version) is required' };
  if (String(version) !== '5.199') return { code: 8, message: `Invalid request: this sandbox emulates v=5.199, got v=${String(version)}` };
  for (const name of Object.keys(fields)) {
    if (!VK_GLOBAL_PARAMS.has(name) && !method.params.has(name)) {
      return { code: 100, message: `One of the parameters specified was missing or invalid: unknown parameter ${name} for ${method.name}` };
    }
  }
  for (const spec of method.params.values()) {
    const value = fields[spec.name];
    if (value === undefined || value === '') {
      if (spec.required) return { code: 100, message: `One of the parameters specified was missing or invalid: ${spec.name} is a required parameter` };
      continue;
    }
    if (typeof value !== 'string') {
      return { code: 100, message: `One of the parameters specified was missing or invalid: ${spec.name} must be passed once, as text` };
    }
    const problem = checkValue(spec, value);
    if (problem) return { code: 100, message: `One of the parameters specified was missing or invalid: ${spec.name} ${problem}` };
  }
  return null;
}

function checkValue(spec: VkParamSpec, value: string): string | null {
  const types = spec.types.length ? spec.types : (['string'] as VkParamType[]);
  if (types.includes('array')) {
    const items = value.split(',');
    const itemTypes = spec.itemTypes?.length ? spec.itemTypes : (['string'] as VkParamType[]);
    const bad = items.find((item) => !itemTypes.some((t) => matchesType(t, item.trim())));
    return bad === undefined ? null : `has an item of wrong type: ${bad}`;
  }
  if (!types.some((t) => matchesType(t, value))) return `should be ${types.join(' or ')}`;
  if (types.includes('integer') || types.includes('number')) {
    const n = Number(value);
    if (!Number.isNaN(n)) {
      if (spec.minimum !== undefined && n < spec.minimum) return `should be at least ${spec.minimum}`;
      if (spec.maximum !== undefined && n > spec.maximum) return `should be at most ${spec.maximum}`;
    }
  }
  if (spec.enumValues && !spec.enumValues.includes(value)) return `should be one of ${spec.enumValues.join(', ')}`;
  return null;
}

function matchesType(type: VkParamType, value: string): boolean {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value);
    case 'boolean':
      return value === '0' || value === '1';
    case 'string':
    case 'array':
      return true;
  }
}
