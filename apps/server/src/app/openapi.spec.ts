import { startTestServer, TestServer } from '../testing/test-server';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  example?: unknown;
  description?: string;
}
interface Operation {
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** `/api/docs` describes every request and answer: a schema that says nothing fails here. */
describe('the API document', () => {
  let server: TestServer;
  let doc: OpenApi;

  beforeAll(async () => {
    server = await startTestServer();
    doc = (await server.http.get('/api/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(async () => {
    await server?.close();
  });

  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}) : schema);

  /** A schema tells something: an object with fields, a list of such, a file, or a plain typed value. */
  const describes = (raw: Schema | undefined, depth = 0): boolean => {
    if (!raw || depth > 5) return false;
    const schema = resolve(raw);
    if (schema.allOf?.length) return schema.allOf.some((s) => describes(s, depth + 1));
    if (schema.oneOf?.length) return schema.oneOf.every((s) => describes(s, depth + 1));
    if (schema.type === 'array') return describes(schema.items, depth + 1);
    if (schema.type === 'string' && schema.format === 'binary') return true;
    if (schema.properties) return Object.keys(schema.properties).length > 0;
    return schema.type !== undefined && schema.type !== 'object';
  };

  const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));

  it('has a schema with fields for every request body', () => {
    const empty = operations()
      .filter(({ op }) => op.requestBody)
      .filter(({ op }) => !Object.values(op.requestBody?.content ?? {}).some((c) => describes(c.schema)))
      .map(({ name }) => name);
    expect(empty).toEqual([]);
  });

  it('has a schema with fields for every answer that has a body', () => {
    const empty: string[] = [];
    for (const { name, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^2/.test(status) || status === '204') continue;
        if (!Object.values(response.content ?? {}).some((c) => describes(c.schema))) empty.push(`${name} → ${status}`);
      }
    }
    expect(empty).toEqual([]);
  });

  it('gives every field of the documented classes a description or an example', () => {
    const bare: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        if (property.$ref || property.allOf) continue; // described by its own class
        if (property.description === undefined && property.example === undefined) bare.push(`${name}.${field}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
