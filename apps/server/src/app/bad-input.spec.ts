import { randomUUID } from 'node:crypto';
import type { ApiErrorBody } from '@vestnik/contracts';
import { bearer, setupRoot, startTestServer, TestServer } from '../testing/test-server';

/** The parts of an OpenAPI 3 document this test reads. */
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  minLength?: number;
  minItems?: number;
  allOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface Case {
  /** `method template`, as the document names the operation. */
  operation: string;
  what: string;
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** The field the answer must name. */
  field: string;
}

/**
 * Every operation of the published API document gets a malformed id, a null where a value is needed,
 * a value of the wrong type, an unknown field and an oversize body. Each must be refused with 4xx
 * naming the field: never 500, never accepted. Sent as the root admin, so the answer is about the input.
 */
describe('bad input across the API', () => {
  let server: TestServer;
  let admin: string;
  let doc: OpenApi;

  beforeAll(async () => {
    server = await startTestServer();
    admin = (await setupRoot(server)).accessToken;
    doc = (await server.http.get('/api/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(async () => {
    await server?.close();
  });

  const resolve = (schema: Schema): Schema => {
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };

  /** A value of the right shape for `schema` (not necessarily one the server will accept as a whole). */
  const sample = (raw: Schema): unknown => {
    const schema = resolve(raw);
    if (schema.enum?.length) return schema.enum[0];
    switch (schema.type) {
      case 'string':
        if (schema.format === 'uuid') return randomUUID();
        if (schema.format === 'email') return 'someone@sakhalin.gov.ru';
        if (schema.format === 'uri') return 'https://sakhalin.gov.ru/';
        if (schema.format === 'date-time') return '2030-01-01T10:00:00Z';
        return 'x'.repeat(Math.max(12, schema.minLength ?? 0));
      case 'number':
      case 'integer':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items ?? { type: 'string' }));
      default: {
        const out: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(schema.properties ?? {})) out[name] = sample(property);
        return out;
      }
    }
  };

  const wrongType = (raw: Schema): unknown => {
    const schema = resolve(raw);
    if (schema.type === 'string') return 12345;
    if (schema.type === 'number' || schema.type === 'integer') return 'не число';
    if (schema.type === 'boolean') return 'наверное';
    if (schema.type === 'array') return 'не список';
    return 'не объект';
  };

  const fillPath = (path: string, params: Operation['parameters'], broken?: string): string =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === broken) return 'not-an-id';
      const schema = params?.find((p) => p.name === name)?.schema;
      return schema?.enum?.length ? String(schema.enum[0]) : randomUUID();
    });

  /** Every property of a body, nested objects and array items included (`variants.vk.text`, `channelIds.0`). */
  const leaves = (raw: Schema, prefix = '', depth = 0): [string, Schema, boolean][] => {
    const schema = resolve(raw);
    const out: [string, Schema, boolean][] = [];
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const field = prefix + name;
      const resolved = resolve(property);
      out.push([field, property, schema.required?.includes(name) ?? false]);
      if (depth < 3 && resolved.properties) out.push(...leaves(resolved, `${field}.`, depth + 1));
      if (depth < 3 && resolved.type === 'array' && resolved.items) {
        const item = resolve(resolved.items);
        out.push([`${field}.0`, item, true]);
        if (item.properties) out.push(...leaves(item, `${field}.0.`, depth + 1));
      }
    }
    return out;
  };

  /** A copy of `body` with the value at the dotted `field` replaced. */
  const withValue = (body: Record<string, unknown>, field: string, value: unknown): unknown => {
    const copy = structuredClone(body);
    const keys = field.split('.');
    let at: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[keys[keys.length - 1]] = value;
    return copy;
  };

  function cases(): Case[] {
    const out: Case[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const params = op.parameters ?? [];
        const query: Record<string, string> = {};
        for (const p of params.filter((p) => p.in === 'query' && p.required)) query[p.name] = String(sample(p.schema ?? { type: 'string' }));
        const path = fillPath(template, params);
        const operation = `${method} ${template}`;
        for (const p of params.filter((p) => p.in === 'path' && /^(id|[a-z][A-Za-z]*Id)$/.test(p.name))) {
          out.push({ operation, what: `malformed path ${p.name}`, method, path: fillPath(template, params, p.name), query, field: p.name, body: op.requestBody ? {} : undefined });
        }
        for (const p of params.filter((p) => p.in === 'query' && p.schema && resolve(p.schema).format === 'uuid')) {
          out.push({ operation, what: `malformed query ${p.name}`, method, path, query: { ...query, [p.name]: 'not-an-id' }, field: p.name });
        }
        const json = op.requestBody?.content['application/json']?.schema;
        if (!json) continue;
        const schema = resolve(json);
        const base = sample(schema) as Record<string, unknown>;
        out.push({ operation, what: 'unknown field', method, path, query, body: { ...base, surpriseField: 1 }, field: 'surpriseField' });
        out.push({ operation, what: 'oversize body', method, path, query, body: { ...base, padding: 'я'.repeat(1_100_000) }, field: 'body' });
        for (const [field, property, required] of leaves(schema)) {
          if (required) out.push({ operation, what: `null ${field}`, method, path, query, body: withValue(base, field, null), field });
          out.push({ operation, what: `wrong type ${field}`, method, path, query, body: withValue(base, field, wrongType(property)), field });
        }
      }
    }
    return out;
  }

  it('enumerates the document: every operation is covered', () => {
    const all = cases();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(30);
    const covered = new Set(all.map((c) => c.operation));
    const expected = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody?.content['application/json'] || op.parameters?.some((p) => p.in === 'path' && /^(id|[a-z][A-Za-z]*Id)$/.test(p.name)))
        .map(([method]) => `${method} ${path}`),
    );
    expect(expected.length).toBeGreaterThan(30);
    for (const operation of expected) expect(covered).toContain(operation);
  });

  it('refuses each bad input with 4xx naming the field, never 500', async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      const request = server.http[c.method as 'get' | 'post' | 'patch' | 'put' | 'delete'](c.path).query(c.query ?? {}).set(bearer(admin));
      const res = c.body === undefined ? await request : await request.send(c.body as object);
      const body = res.body as ApiErrorBody;
      const named = body.errors?.some((e) => e.field === c.field || e.field.startsWith(`${c.field}.`)) ?? false;
      if (res.status >= 500 || res.status < 400 || !named) {
        failures.push(`${c.method.toUpperCase()} ${c.path} — ${c.what}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
