import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type VkParamType = 'string' | 'integer' | 'number' | 'boolean' | 'array';

export interface VkParamSpec {
  name: string;
  types: VkParamType[];
  required: boolean;
  itemTypes?: VkParamType[];
  minimum?: number;
  maximum?: number;
  enumValues?: string[];
}

export interface VkMethodSpec {
  name: string;
  /** Token kinds the method accepts: `user`, `group`, `service`, `open`. */
  tokenTypes: string[];
  params: Map<string, VkParamSpec>;
}

export interface VkSpec {
  methods: Map<string, VkMethodSpec>;
  /** error code → VK's own description, for error_msg. */
  errors: Map<number, string>;
}

const SECTIONS = ['wall', 'photos', 'groups'];

/** Reads only what validation needs from VK's JSON schema subset; the rest is dropped. */
export function loadVkSpec(specsDir: string): VkSpec {
  const methods = new Map<string, VkMethodSpec>();
  for (const section of SECTIONS) {
    const file = JSON.parse(readFileSync(join(specsDir, 'vk', section, 'methods.json'), 'utf8')) as { methods: RawMethod[] };
    for (const method of file.methods) {
      const params = new Map<string, VkParamSpec>();
      for (const p of method.parameters ?? []) params.set(p.name, toParamSpec(p));
      methods.set(method.name, { name: method.name, tokenTypes: method.access_token_type ?? [], params });
    }
  }
  const rawErrors = JSON.parse(readFileSync(join(specsDir, 'vk', 'errors.json'), 'utf8')) as { errors: Record<string, { code: number; description: string }> };
  const errors = new Map<number, string>();
  for (const e of Object.values(rawErrors.errors)) if (!errors.has(e.code)) errors.set(e.code, e.description);
  return { methods, errors };
}

interface RawParam {
  name: string;
  type?: string | string[];
  required?: boolean;
  items?: { type?: string | string[]; $ref?: string };
  minimum?: number;
  maximum?: number;
  enum?: Array<string | number>;
}

interface RawMethod {
  name: string;
  access_token_type?: string[];
  parameters?: RawParam[];
}

function typesOf(type: string | string[] | undefined): VkParamType[] {
  const list = Array.isArray(type) ? type : type ? [type] : ['string'];
  return list.filter((t): t is VkParamType => ['string', 'integer', 'number', 'boolean', 'array'].includes(t));
}

function toParamSpec(p: RawParam): VkParamSpec {
  const spec: VkParamSpec = { name: p.name, types: typesOf(p.type), required: p.required === true };
  if (p.items) spec.itemTypes = p.items.$ref ? ['string'] : typesOf(p.items.type);
  if (p.minimum !== undefined) spec.minimum = p.minimum;
  if (p.maximum !== undefined) spec.maximum = p.maximum;
  if (p.enum) spec.enumValues = p.enum.map(String);
  return spec;
}
