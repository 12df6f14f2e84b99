import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TelegramFieldSpec {
  name: string;
  /** As api.json writes them: `Integer`, `String`, `Array of InputMediaPhoto`, `InputFile`, ... */
  types: string[];
  required: boolean;
}

export interface TelegramSpec {
  methods: Map<string, Map<string, TelegramFieldSpec>>;
  /** Fields of object types that appear as method parameters (one level, for nested checks). */
  types: Map<string, Map<string, TelegramFieldSpec>>;
}

interface RawField {
  name: string;
  types: string[];
  required: boolean;
}

/** Loads api.json once and keeps only names, types and required flags. */
export function loadTelegramSpec(specsDir: string): TelegramSpec {
  const raw = JSON.parse(readFileSync(join(specsDir, 'telegram', 'api.json'), 'utf8')) as {
    methods: Record<string, { name: string; fields?: RawField[] }>;
    types: Record<string, { name: string; fields?: RawField[] }>;
  };
  const methods = new Map<string, Map<string, TelegramFieldSpec>>();
  const referenced = new Set<string>();
  for (const method of Object.values(raw.methods)) {
    methods.set(method.name, toFields(method.fields));
    for (const field of method.fields ?? []) for (const t of field.types) referenced.add(t.replace(/^(Array of )+/, ''));
  }
  const types = new Map<string, Map<string, TelegramFieldSpec>>();
  for (const name of referenced) {
    const type = raw.types[name];
    if (type?.fields) types.set(name, toFields(type.fields));
  }
  return { methods, types };
}

function toFields(fields: RawField[] | undefined): Map<string, TelegramFieldSpec> {
  const map = new Map<string, TelegramFieldSpec>();
  for (const f of fields ?? []) map.set(f.name, { name: f.name, types: [...f.types], required: f.required });
  return map;
}
