import { pagesStatement, totalsStatement } from './dashboard-statements';

describe('dashboard statements', () => {
  const base = { path: '/a/b_c%/', organizationId: '5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e', now: new Date('2030-01-16T09:00:00Z') };

  it('passes every value as a parameter: nothing a person typed reaches the SQL text', () => {
    const search = `'; DROP TABLE channels; -- 100%_`;
    const { sql, values } = pagesStatement({ ...base, query: { organizationId: base.organizationId, search, platform: 'vk', limit: 50, offset: 10 } });
    expect(sql).not.toContain('DROP TABLE');
    expect(sql).not.toContain(base.path);
    // LIKE's wildcards in the path and the search match themselves only.
    expect(values).toContain('/a/b\\_c\\%/%');
    expect(values).toContain(`%'; DROP TABLE channels; -- 100\\%\\_%`);
    expect(values).toEqual(expect.arrayContaining(['vk', 50, 10, base.now]));
    // Every $n used is given, and every value given is used.
    const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    expect([...used].sort((a, b) => a - b)).toEqual(values.map((_, i) => i + 1));
  });

  it('sorts by the asked column, worst first for risk, with a stable order after it', () => {
    const sql = (query: Record<string, unknown>) => pagesStatement({ ...base, query: { organizationId: base.organizationId, limit: 50, offset: 0, ...query } }).sql;
    expect(sql({})).toContain('ORDER BY (cardinality(risk_reasons) > 0) DESC NULLS LAST, shortfall DESC, cardinality(risk_reasons) DESC, organization_path, name, id');
    expect(sql({ sort: 'lastPublishedAt', order: 'desc' })).toContain('ORDER BY last_published_at DESC NULLS LAST, organization_path, name, id');
    expect(sql({ sort: 'channelName' })).toContain('ORDER BY name ASC NULLS LAST, organization_path, name, id');
    expect(sql({ atRiskOnly: true })).toContain('WHERE cardinality(risk_reasons) > 0');
  });

  it('narrows the totals to one page or one platform', () => {
    const page = totalsStatement({ ...base, weeks: 8, channelId: '2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b' });
    expect(page.sql).toMatch(/c\.id = \$\d+::uuid/);
    expect(page.values).toContain('2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b');
    const vk = totalsStatement({ ...base, weeks: 8, platform: 'vk' });
    expect(vk.sql).toMatch(/c\.platform = \$\d+/);
    expect(vk.values).toContain(8);
  });
});
