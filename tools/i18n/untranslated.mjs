#!/usr/bin/env node
// Finds text in the editor that does not come from the translation files, and translation keys
// used in code that the Russian messages lack. Prints one line per finding, and exits 1 when any.
//
//   node tools/i18n/untranslated.mjs [path prefix…]   (default: the whole editor)
//
// - Templates (.html files and inline `template:` strings) are parsed with Angular's own
//   compiler: static text, static human-facing attributes (title, placeholder, aria-label, alt…),
//   and string literals with letters inside interpolations and bound human-facing attributes.
// - TypeScript: any string or template literal with Cyrillic letters (the interface was Russian
//   only, so an untranslated message there is Cyrillic). A line may opt out with a trailing
//   `// i18n-exempt: <why>` comment (e.g. a search folding «ё» into «е»).
// - Keys: `t('a.b')` and `t(`a.b.${x}`)` must name a message, or a group of them, in Russian.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ng from '@angular/compiler';
import ts from 'typescript';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SOURCES = ['apps/editor/src', 'libs/editor'];
const TRANSLATIONS = 'libs/editor/i18n/src/lib/translations';
const HUMAN_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder']);
const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;
const CYRILLIC = /[\u0400-\u04FF]/;
const LETTER = /\p{L}/u;

const selfTest = process.argv.includes('--self-test');
const prefixes = process.argv.slice(2).filter((a) => a !== '--self-test').map((p) => relative(root, resolve(p)));
const findings = [];

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) out.push(...files(path));
    else out.push(path);
  }
  return out;
}

function russianMessages() {
  const dir = join(root, TRANSLATIONS, 'ru');
  const out = {};
  for (const name of readdirSync(dir)) if (name.endsWith('.json')) out[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return out;
}
const RU = russianMessages();
function node(key) {
  let n = RU;
  for (const part of key.split('.')) {
    if (n === undefined || typeof n === 'string') return undefined;
    n = n[part];
  }
  return n;
}

function report(file, line, what) {
  findings.push(`${relative(root, file)}:${line}: ${what}`);
}

/** Literal strings with letters inside an expression that are not translation keys. */
function literalsIn(ast) {
  const out = [];
  class Literals extends ng.RecursiveAstVisitor {
    visitLiteralPrimitive(lit) {
      if (typeof lit.value === 'string' && LETTER.test(lit.value) && !KEY.test(lit.value)) out.push(lit.value);
    }
  }
  ast.visit(new Literals());
  return out;
}

function checkTemplate(file, template, firstLine) {
  const parsed = ng.parseTemplate(template, file, { preserveWhitespaces: false });
  const lineOf = (span) => firstLine + (span?.start?.line ?? 0);
  class Visitor extends ng.TmplAstRecursiveVisitor {
    visitText(text) {
      if (LETTER.test(text.value)) report(file, lineOf(text.sourceSpan), `text «${text.value.trim().slice(0, 60)}»`);
    }
    visitTextAttribute(attr) {
      if (HUMAN_ATTRIBUTES.has(attr.name) && LETTER.test(attr.value)) report(file, lineOf(attr.sourceSpan), `${attr.name}="${attr.value.slice(0, 60)}"`);
    }
    visitBoundText(text) {
      for (const lit of literalsIn(text.value)) report(file, lineOf(text.sourceSpan), `literal '${lit.slice(0, 60)}' in {{ }}`);
    }
    visitBoundAttribute(attr) {
      const name = attr.name.replace(/^attr\./, '');
      if (!HUMAN_ATTRIBUTES.has(name)) return;
      for (const lit of literalsIn(attr.value)) report(file, lineOf(attr.sourceSpan), `literal '${lit.slice(0, 60)}' in [${attr.name}]`);
    }
  }
  ng.tmplAstVisitAll(new Visitor(), parsed.nodes);
}

function checkKeys(file, text) {
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    // Comments may mention a key without using it (a JSDoc line, a trailing `// …`).
    if (/^\s*(\*|\/\*|\/\/)/.test(raw)) return;
    const line = raw.replace(/\s\/\/\s.*$/, '');
    for (const m of line.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)) {
      if (typeof node(m[1]) !== 'string') report(file, i + 1, `no Russian message «${m[1]}»`);
    }
    // A route's title is a key too (TranslatedTitles).
    for (const m of line.matchAll(/\btitle:\s*'([a-z]\w*(?:\.\w+)+)'/g)) {
      if (typeof node(m[1]) !== 'string') report(file, i + 1, `no Russian message «${m[1]}» (route title)`);
    }
    for (const m of line.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) {
      const prefix = m[1].replace(/\.$/, '');
      const group = node(prefix);
      if (!group || typeof group === 'string') report(file, i + 1, `no Russian messages under «${prefix}»`);
    }
  });
}

function checkTypeScript(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const visit = (n) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) {
      const line = source.getLineAndCharacterOfPosition(n.getStart()).line;
      const isTemplate = ts.isPropertyAssignment(n.parent) && n.parent.name.getText() === 'template';
      if (isTemplate && ts.isNoSubstitutionTemplateLiteral(n)) checkTemplate(file, n.text, line);
      else if (CYRILLIC.test(n.text) && !/i18n-exempt:/.test(lines[line] ?? '')) report(file, line + 1, `Cyrillic in code «${n.text.trim().slice(0, 60)}»`);
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
}

if (selfTest) {
  // Proves the check can fail: each kind of finding once, and a known key that must pass.
  checkTemplate('self-test.html', '<button>Сохранить</button><input placeholder="Search"><p>{{ ok ? \'Да\' : t(\'common.action.save\') }}</p>', 1);
  checkTypeScript('self-test.ts', "const message = 'Нет связи';\nconst fine = 'vn-class'; // a class name, no letters to translate\n");
  checkKeys('self-test.ts', "t('posts.nothing.here'); t('common.action.save'); t(`common.platform.name.${p}`);");
}

for (const dir of selfTest ? [] : SOURCES) {
  for (const file of files(join(root, dir))) {
    const rel = relative(root, file);
    if (prefixes.length && !prefixes.some((p) => rel.startsWith(p))) continue;
    if (rel.startsWith(TRANSLATIONS) || /\.spec(-helper)?\.ts$/.test(rel)) continue;
    if (rel.endsWith('.html') && !rel.endsWith('index.html')) {
      const text = readFileSync(file, 'utf8');
      checkTemplate(file, text, 1);
      checkKeys(file, text);
    } else if (rel.endsWith('.ts')) {
      const text = readFileSync(file, 'utf8');
      checkTypeScript(file, text);
      checkKeys(file, text);
    }
  }
}

for (const f of findings) console.log(f);
if (findings.length) {
  console.error(`${findings.length} untranslated text(s) or unknown key(s)`);
  process.exit(1);
}
