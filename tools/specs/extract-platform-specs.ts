/**
 * `npm run specs:extract [-- --date YYYY-MM-DD] [--from DIR] [--check]`
 *
 * The sandbox checks requests against the platforms' own descriptions: VK's JSON schema and the
 * Telegram Bot API as data. Engineers keep those upstream files in `../shared/specs` beside the
 * clone, for reading; the project never loads them. This script is the one bridge: it keeps only
 * the tables the sandbox checks against and writes them, committed, to
 * `apps/sandbox/src/specs/data/{vk,telegram}.json`.
 *
 * `--check` extracts again with the committed extraction dates and compares with the committed
 * files: exit 0 if identical, 1 if not, 3 if the source folder is absent (a lone clone).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { format } from 'prettier';

/** Methods the sandbox emulates; the sandbox's spec fails until this matches its handler tables. */
const VK_EMULATED = ['groups.get', 'groups.getById', 'photos.getWallUploadServer', 'photos.saveWallPhoto', 'wall.post', 'wall.edit', 'wall.delete'];
const TELEGRAM_EMULATED = ['getMe', 'getChat', 'getChatMember', 'sendMessage', 'sendPhoto', 'sendMediaGroup', 'editMessageText', 'editMessageCaption', 'deleteMessage'];

const VK_SECTIONS = ['wall', 'photos', 'groups'];
const VK_PARAM_TYPES = ['string', 'integer', 'number', 'boolean', 'array'];

const ROOT = resolve(__dirname, '../..');
const DEFAULT_SOURCE = resolve(ROOT, '..', 'shared', 'specs');
const TARGET = join(ROOT, 'apps/sandbox/src/specs/data');
const SCRIPT = 'tools/specs/extract-platform-specs.ts (npm run specs:extract)';

export interface ExtractOptions {
  sourceDir: string;
  /** `YYYY-MM-DD`, written into each file's `source.extractedOn`. */
  extractedOn: { vk: string; telegram: string };
}

export interface ExtractedFile {
  name: 'vk.json' | 'telegram.json';
  text: string;
}

/** Where the files came from: the first line of each folder's SOURCE.txt and LICENSE. */
interface Origin {
  repository: string;
  commit: string;
  license: string;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function originOf(folder: string): Origin {
  const source = readFileSync(join(folder, 'SOURCE.txt'), 'utf8');
  const match = /^(\S+\/\S+) at ([0-9a-f]{40})/.exec(source);
  if (!match) throw new Error(`${join(folder, 'SOURCE.txt')} does not start with "<owner>/<repo> at <commit>"`);
  const license = readFileSync(join(folder, 'LICENSE'), 'utf8').split('\n');
  const kind = license[0]?.trim() ?? '';
  const copyright = license.find((line) => line.startsWith('Copyright'))?.trim();
  if (!kind || !copyright) throw new Error(`${join(folder, 'LICENSE')} names no license and copyright holder`);
  return { repository: match[1], commit: match[2], license: `${kind}, ${copyright} (full text: https://github.com/${match[1]}/blob/${match[2]}/LICENSE)` };
}

interface RawVkParam {
  name: string;
  type?: string | string[];
  required?: boolean;
  items?: { type?: string | string[]; $ref?: string };
  minimum?: number;
  maximum?: number;
  enum?: Array<string | number>;
}

interface RawVkMethod {
  name: string;
  access_token_type?: string[];
  parameters?: RawVkParam[];
}

function vkTypes(type: string | string[] | undefined): string[] {
  const list = Array.isArray(type) ? type : type ? [type] : ['string'];
  return list.filter((t) => VK_PARAM_TYPES.includes(t));
}

/** A parameter as the sandbox checks it: a `$ref` item is accepted as text, anything else is dropped. */
function vkParam(p: RawVkParam): Record<string, unknown> {
  const param: Record<string, unknown> = { name: p.name, types: vkTypes(p.type), required: p.required === true };
  if (p.items) param['itemTypes'] = p.items.$ref ? ['string'] : vkTypes(p.items.type);
  if (p.minimum !== undefined) param['minimum'] = p.minimum;
  if (p.maximum !== undefined) param['maximum'] = p.maximum;
  if (p.enum) param['enumValues'] = p.enum.map(String);
  return param;
}

function extractVk(sourceDir: string, extractedOn: string): object {
  const folder = join(sourceDir, 'vk');
  const files = [...VK_SECTIONS.map((s) => `${s}/methods.json`), 'errors.json'];
  const all = new Map<string, RawVkMethod>();
  let version = '';
  for (const section of VK_SECTIONS) {
    const file = readJson<{ version: string; methods: RawVkMethod[] }>(join(folder, section, 'methods.json'));
    version = file.version;
    for (const method of file.methods) all.set(method.name, method);
  }
  const methods: Record<string, object> = {};
  for (const name of [...VK_EMULATED].sort()) {
    const method = all.get(name);
    if (!method) throw new Error(`VK's schema has no method ${name}, which the sandbox emulates`);
    methods[name] = { tokenTypes: method.access_token_type ?? [], params: (method.parameters ?? []).map(vkParam) };
  }
  // Every code with VK's own description (the first one where codes repeat): faults may inject any.
  const rawErrors = readJson<{ errors: Record<string, { code: number; description: string }> }>(join(folder, 'errors.json'));
  const errors = new Map<number, string>();
  for (const e of Object.values(rawErrors.errors)) if (!errors.has(e.code)) errors.set(e.code, e.description);
  return {
    source: { ...originOf(folder), version: `API ${version}`, files, extractedOn, extractedBy: SCRIPT },
    methods,
    notEmulated: [...all.keys()].filter((name) => !VK_EMULATED.includes(name)).sort(),
    errors: Object.fromEntries([...errors].sort(([a], [b]) => a - b).map(([code, description]) => [String(code), description])),
  };
}

interface RawTelegramField {
  name: string;
  types: string[];
  required: boolean;
}

interface RawTelegramEntry {
  name: string;
  fields?: RawTelegramField[];
}

const baseType = (type: string): string => type.replace(/^(Array of )+/, '');
const telegramFields = (fields: RawTelegramField[] | undefined): object[] => (fields ?? []).map((f) => ({ name: f.name, types: [...f.types], required: f.required }));

function extractTelegram(sourceDir: string, extractedOn: string): object {
  const folder = join(sourceDir, 'telegram');
  const raw = readJson<{ version: string; release_date: string; methods: Record<string, RawTelegramEntry>; types: Record<string, RawTelegramEntry> }>(join(folder, 'api.json'));
  const all = Object.values(raw.methods);
  const methods: Record<string, object> = {};
  for (const name of [...TELEGRAM_EMULATED].sort()) {
    const method = raw.methods[name];
    if (!method) throw new Error(`The Bot API has no method ${name}, which the sandbox emulates`);
    methods[name] = telegramFields(method.fields);
  }
  // Object types are checked where a method's parameter names them; follow them from the emulated
  // methods' parameters through their fields, keeping those described with fields.
  const parameterTypes = new Set(all.flatMap((m) => (m.fields ?? []).flatMap((f) => f.types.map(baseType))).filter((t) => raw.types[t]?.fields));
  const reached = new Set<string>();
  const queue = TELEGRAM_EMULATED.flatMap((name) => (raw.methods[name].fields ?? []).flatMap((f) => f.types.map(baseType)));
  for (let type = queue.shift(); type !== undefined; type = queue.shift()) {
    if (!parameterTypes.has(type) || reached.has(type)) continue;
    reached.add(type);
    queue.push(...(raw.types[type].fields ?? []).flatMap((f) => f.types.map(baseType)));
  }
  return {
    source: { ...originOf(folder), version: `${raw.version} (${raw.release_date})`, files: ['api.json'], extractedOn, extractedBy: SCRIPT },
    methods,
    types: Object.fromEntries([...reached].sort().map((name) => [name, telegramFields(raw.types[name].fields)])),
    notEmulated: all.map((m) => m.name).filter((name) => !TELEGRAM_EMULATED.includes(name)).sort(),
  };
}

/** Both files' text, formatted as prettier would, so `nx format` leaves them alone. */
export async function extractPlatformSpecs(options: ExtractOptions): Promise<ExtractedFile[]> {
  const pretty = (data: object): Promise<string> => format(JSON.stringify(data), { parser: 'json' });
  return [
    { name: 'vk.json', text: await pretty(extractVk(options.sourceDir, options.extractedOn.vk)) },
    { name: 'telegram.json', text: await pretty(extractTelegram(options.sourceDir, options.extractedOn.telegram)) },
  ];
}

function committedDate(name: string): string {
  const path = join(TARGET, name);
  if (!existsSync(path)) throw new Error(`${relative(ROOT, path)} is missing: run npm run specs:extract first`);
  return readJson<{ source: { extractedOn: string } }>(path).source.extractedOn;
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

async function main(args: string[]): Promise<number> {
  const known = new Set(['--check', '--date', '--from']);
  const unknown = args.find((a, i) => a.startsWith('--') && !known.has(a) && args[i - 1] !== '--date' && args[i - 1] !== '--from');
  if (unknown) throw new Error(`unknown option ${unknown}; use --date YYYY-MM-DD, --from DIR, --check`);
  const check = args.includes('--check');
  const sourceDir = resolve(argument(args, '--from') ?? DEFAULT_SOURCE);
  if (!existsSync(sourceDir)) {
    console.error(`Upstream specs not found at ${sourceDir}: nothing to extract from (the committed files stay as they are).`);
    return 3;
  }
  const date = argument(args, '--date') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--date must be YYYY-MM-DD, got ${date}`);
  if (check && args.includes('--date')) throw new Error('--check uses the committed dates; leave out --date');
  const extractedOn = check ? { vk: committedDate('vk.json'), telegram: committedDate('telegram.json') } : { vk: date, telegram: date };
  const files = await extractPlatformSpecs({ sourceDir, extractedOn });
  let differs = 0;
  for (const file of files) {
    const path = join(TARGET, file.name);
    if (!check) {
      writeFileSync(path, file.text);
      console.log(`wrote ${relative(ROOT, path)} (${file.text.length} characters) from ${sourceDir}`);
    } else if (readFileSync(path, 'utf8') !== file.text) {
      differs++;
      console.error(`${relative(ROOT, path)} differs from a fresh extraction of ${sourceDir}: run npm run specs:extract and commit the result`);
    } else {
      console.log(`${relative(ROOT, path)} matches a fresh extraction of ${sourceDir}`);
    }
  }
  return differs ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 2;
    },
  );
}
