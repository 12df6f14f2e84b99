import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../../../..');
/** The one place allowed to write `posts.status` and `publications.status`. */
const LIFECYCLE = 'libs/server/posts/src/lib/lifecycle/';
/** Test worlds and benchmarks set statuses directly to build their fixtures. */
const NOT_SCANNED = ['apps/server/src/chaos/', 'tools/bench/'];

/** What writes a status: SQL updating or inserting the tables, TypeORM writes of their entities with a status. */
const STATUS_WRITES: { what: string; pattern: RegExp }[] = [
  { what: 'SQL UPDATE of a status', pattern: /\bUPDATE\s+(posts|publications)\b[^`;]*?\bSET\b(?:(?!\bWHERE\b)[^`;])*?\bstatus\s*=/gi },
  { what: 'SQL INSERT', pattern: /\bINSERT\s+INTO\s+(posts|publications)\b/gi },
  { what: 'TypeORM update with a status', pattern: /\.update\(\s*(PostEntity|PublicationEntity)\s*,[^;]*?\bstatus\s*:/g },
  { what: 'TypeORM query builder update with a status', pattern: /\.update\(\s*(PostEntity|PublicationEntity)\s*\)[^;]*?\.set\(\s*\{[^;]*?\bstatus\b/g },
  { what: 'TypeORM insert or save', pattern: /\.(insert|save)\(\s*(\w+\.create\(\s*)?(PostEntity|PublicationEntity)\b/g },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' || d.name === 'node_modules' ? [] : sources(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every status write in `text`, as "what (line n)". */
export function statusWritesIn(text: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of STATUS_WRITES) {
    for (const match of text.matchAll(pattern)) found.push(`${what} (line ${text.slice(0, match.index).split('\n').length})`);
  }
  return found;
}

function statusWritesOutsideTheLifecycle(): string[] {
  const files = ['libs/server', 'apps/server/src', 'tools'].flatMap((d) => sources(join(ROOT, d)));
  return files
    .map((f) => relative(ROOT, f))
    .filter((f) => !f.startsWith(LIFECYCLE) && !NOT_SCANNED.some((n) => f.startsWith(n)))
    .flatMap((f) => statusWritesIn(readFileSync(join(ROOT, f), 'utf8')).map((w) => `${f}: ${w}`));
}

describe('statuses are written only by the lifecycle module', () => {
  it('finds every shape of status write it is meant to catch', () => {
    expect(statusWritesIn("await m.query(`UPDATE publications SET status = 'published' WHERE id = $1`)")).toHaveLength(1);
    expect(statusWritesIn('await m.query(`UPDATE publications p\n   SET phase = NULL, status = $2 WHERE p.id = $1`)')).toHaveLength(1);
    expect(statusWritesIn("m.query(`INSERT INTO posts (id, status) VALUES ($1, 'draft')`)")).toHaveLength(1);
    expect(statusWritesIn("await m.update(PostEntity, { id }, { text, status: 'in_review' });")).toHaveLength(1);
    expect(statusWritesIn("await m.createQueryBuilder().update(PublicationEntity).set({ status: 'failed' }).execute();")).toHaveLength(1);
    expect(statusWritesIn('await m.save(m.create(PostEntity, fields));')).toHaveLength(1);
    expect(statusWritesIn('await m.insert(PublicationEntity, rows);')).toHaveLength(1);
  });

  it('leaves alone writes of other columns and reads', () => {
    expect(statusWritesIn("await m.query(`UPDATE publications SET next_attempt_at = now() WHERE status = 'scheduled'`);")).toEqual([]);
    expect(statusWritesIn("await m.update(PostEntity, { id }, { text: 'x' });")).toEqual([]);
    expect(statusWritesIn("await m.query(`SELECT status FROM publications WHERE status = 'scheduled'`);")).toEqual([]);
    expect(statusWritesIn('const next = Object.assign(m.create(PostEntity, current), { text });')).toEqual([]);
  });

  it('finds none in the server outside libs/server/posts/src/lib/lifecycle', () => {
    expect(statusWritesOutsideTheLifecycle()).toEqual([]);
  });
});
