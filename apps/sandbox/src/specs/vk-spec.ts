import vkData from './data/vk.json';

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
  /** The methods the sandbox emulates, with their parameters as VK's schema declares them. */
  methods: Map<string, VkMethodSpec>;
  /** Methods VK's schema has that the sandbox does not emulate: known, so not "unknown method". */
  notEmulated: Set<string>;
  /** error code → VK's own description, for error_msg. */
  errors: Map<number, string>;
}

/** The committed extract of VK's schema (`data/vk.json`, written by `npm run specs:extract`). */
export interface VkSpecData {
  source: { repository: string; commit: string; version: string; files: string[]; extractedOn: string };
  methods: Record<string, { tokenTypes: string[]; params: VkParamSpec[] }>;
  notEmulated: string[];
  errors: Record<string, string>;
}

export function vkSpecFrom(data: VkSpecData): VkSpec {
  const methods = new Map<string, VkMethodSpec>();
  for (const [name, method] of Object.entries(data.methods)) {
    methods.set(name, { name, tokenTypes: [...method.tokenTypes], params: new Map(method.params.map((p) => [p.name, { ...p }])) });
  }
  const errors = new Map(Object.entries(data.errors).map(([code, description]) => [Number(code), description]));
  return { methods, notEmulated: new Set(data.notEmulated), errors };
}

export const VK_SPEC_DATA = vkData as VkSpecData;

export function loadVkSpec(): VkSpec {
  return vkSpecFrom(VK_SPEC_DATA);
}
