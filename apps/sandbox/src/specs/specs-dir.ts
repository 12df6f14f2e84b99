import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Walks up from each start folder to the first one holding `nx.json`: the repository root. */
export function findRepoRoot(starts: readonly string[] = [process.cwd(), __dirname]): string | null {
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

/**
 * The platform specs folder: `VESTNIK_SPECS_DIR` if set, else `../shared/specs` beside the
 * repository (CI lays `shared/` next to the clone). Fails with a message that says what to do.
 */
export function resolveSpecsDir(explicit: string | undefined = process.env['VESTNIK_SPECS_DIR']): string {
  if (explicit) {
    const dir = resolve(explicit);
    if (!existsSync(dir)) throw new Error(`VESTNIK_SPECS_DIR points to ${dir}, which does not exist`);
    return dir;
  }
  const root = findRepoRoot();
  if (!root) throw new Error('Cannot find the repository root (no nx.json above the current folder); set VESTNIK_SPECS_DIR');
  const dir = resolve(root, '..', 'shared', 'specs');
  if (!existsSync(dir)) {
    throw new Error(`Platform specs not found at ${dir}: lay shared/ beside the repository or set VESTNIK_SPECS_DIR`);
  }
  return dir;
}
