import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PLATFORMS } from '@vestnik/contracts/enums';

/** What differs per platform is declared by its adapter: the engine names no platform. */
const NAMES = [...new Set([...PLATFORMS, 'vk', 'ok', 'telegram', 'max'])];
const PLATFORM_NAME = new RegExp(`(['"\`])(${NAMES.join('|')})\\1|\\bplatform\\s*[!=]==`, 'g');

export function platformNamesIn(text: string): string[] {
  return [...text.matchAll(PLATFORM_NAME)].map((m) => `${m[0]} (line ${text.slice(0, m.index).split('\n').length})`);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : sources(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the publishing engine names no platform', () => {
  it('finds a platform named as a literal or compared by name', () => {
    expect(platformNamesIn("if (channel.platform === 'vk') refresh();")).toHaveLength(2);
    expect(platformNamesIn('adapters.find((a) => a.platform === platform)')).toHaveLength(1);
    expect(platformNamesIn('const key = `telegram`;')).toHaveLength(1);
    expect(platformNamesIn("case 'ok':")).toHaveLength(1);
    expect(platformNamesIn("const paces = adapter.paces(target, { imageCount });")).toEqual([]);
  });

  it('finds none in libs/server/publishing/src outside its specs', () => {
    const root = join(__dirname, '..');
    const found = sources(root).flatMap((f) => platformNamesIn(readFileSync(f, 'utf8')).map((n) => `${relative(root, f)}: ${n}`));
    expect(found).toEqual([]);
  });
});
