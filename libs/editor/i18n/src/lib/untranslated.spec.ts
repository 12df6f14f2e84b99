import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../../../..');

/**
 * Every text of the editor comes from the translation files: the check parses the templates with
 * Angular's compiler and the TypeScript with TypeScript's (tools/i18n/untranslated.mjs; it is an
 * ES module, so it runs in its own Node process).
 */
describe('the editor has no untranslated text', () => {
  it('finds no literal text in templates, no Cyrillic in code, and no unknown key', () => {
    const run = spawnSync(process.execPath, [join(root, 'tools/i18n/untranslated.mjs')], { cwd: root, encoding: 'utf8' });
    expect(run.stdout.trim().split('\n').filter(Boolean)).toEqual([]);
    expect(run.status).toBe(0);
  }, 120_000);

  it('would find them: a template with a literal, code with Russian text, an unknown key', () => {
    const run = spawnSync(process.execPath, [join(root, 'tools/i18n/untranslated.mjs'), '--self-test'], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toContain('text «Сохранить»');
    expect(run.stdout).toContain('placeholder="Search"');
    expect(run.stdout).toContain("literal 'Да' in {{ }}");
    expect(run.stdout).toContain('Cyrillic in code «Нет связи»');
    expect(run.stdout).toContain('no Russian message «posts.nothing.here»');
    expect(run.stdout).not.toContain('common.action.save');
  }, 120_000);
});
