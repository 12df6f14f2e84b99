import {
  parseZonedInstant,
  RUBRICS,
  type ChannelState,
  type Platform,
  type PlanColumn,
  type PlanImportRowView,
  type PlanRowPage,
  type PlanRowProblem,
  type Rubric,
} from '@vestnik/contracts';
import { MAX_IMAGES_PER_POST, validateForPlatform, type ImageRef } from '@vestnik/platforms/rules';
import type { PlanFileRow } from './plan-file';

/** The organizations of the subtree a plan is for. */
export interface PlanOrganization {
  id: string;
  name: string;
  /** Materialized path: an ancestor's path is a prefix of its descendants'. */
  path: string;
  timezone: string;
}

/** The pages (channels) of the subtree. */
export interface PlanChannel {
  id: string;
  name: string;
  platform: Platform;
  organizationId: string;
  state: ChannelState;
  /** What the page was connected by: a screen name, `@channel`, a group id. */
  target: string;
}

/** An image of the subtree's library, as each platform will receive it. */
export interface PlanImage {
  id: string;
  refs: Partial<Record<Platform, ImageRef>>;
}

export interface PlanDirectory {
  organizations: PlanOrganization[];
  channels: PlanChannel[];
  images: Map<string, PlanImage>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEDIA_IN_URL = /\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** Rubrics by the first letters people write, in Russian or English. */
const RUBRIC_PREFIXES: [string, Rubric][] = [
  ['офиц', 'official'],
  ['official', 'official'],
  ['полез', 'useful'],
  ['useful', 'useful'],
  ['развлек', 'entertaining'],
  ['entertain', 'entertaining'],
];

/** Several names in one cell: separated by `;` or new lines. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The images a cell names, separated by `;`, spaces or new lines. */
export function imageTokens(cell: string | undefined): string[] {
  return splitList(cell?.replace(/\s+/g, ';'));
}

/** Our media id in a token: the id itself, or an address of ours holding `/media/<id>`; null otherwise. */
export function mediaIdOf(token: string): string | null {
  return (UUID.test(token) ? token : (MEDIA_IN_URL.exec(token)?.[1] ?? null))?.toLowerCase() ?? null;
}

/** `YYYY-MM-DD`, `DD.MM.YYYY` or `DD.MM.YY` → `YYYY-MM-DD`, if the day exists. */
export function readDate(cell: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell);
  const ru = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(cell);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (ru) [d, m, y] = [Number(ru[1]), Number(ru[2]), ru[3].length === 2 ? 2000 + Number(ru[3]) : Number(ru[3])];
  else return null;
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `H:mm`, `HH:mm` or `HH.mm` → `HH:mm`. */
export function readTime(cell: string): string | null {
  const t = /^(\d{1,2})[:.](\d{2})$/.exec(cell);
  if (!t) return null;
  const [h, min] = [Number(t[1]), Number(t[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export function readRubric(cell: string): Rubric | null {
  const v = cell.trim().toLowerCase();
  if ((RUBRICS as readonly string[]).includes(v)) return v as Rubric;
  return RUBRIC_PREFIXES.find(([prefix]) => v.startsWith(prefix))?.[1] ?? null;
}

/**
 * A page named by its address or its connection target, reduced to the part both share:
 * `https://vk.com/club1`, `vk.com/club1/` and `club1` → `club1`; `https://t.me/school` and `@school` → `school`.
 */
export function pageKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^(www\.|m\.)/, '')
    .replace(/^(vk\.com|vk\.ru|t\.me|telegram\.me|ok\.ru\/group|ok\.ru|max\.ru)\//, '')
    .replace(/^@/, '')
    .replace(/\/+$/, '');
}

/**
 * Checks every row of a plan against the subtree: where it goes, when, what. A row's problems
 * name its column; a row with problems is `invalid` and never blocks the others.
 */
export function checkPlanRows(rows: PlanFileRow[], dir: PlanDirectory, now: Date): PlanImportRowView[] {
  const orgById = new Map(dir.organizations.map((o) => [o.id, o]));
  const channelById = new Map(dir.channels.map((c) => [c.id, c]));
  const channelsByTarget = groupBy(dir.channels, (c) => pageKey(c.target));
  const channelsByName = groupBy(dir.channels, (c) => c.name.trim().toLowerCase());
  const orgsByName = groupBy(dir.organizations, (o) => o.name.trim().toLowerCase());
  const root = dir.organizations.reduce<PlanOrganization | undefined>((a, o) => (!a || o.path.length < a.path.length ? o : a), undefined);

  return rows.map(({ line, cells }) => {
    const problems: PlanRowProblem[] = [];
    const problem = (column: PlanColumn | 'row', message: string) => problems.push({ column, message });

    // Where: the named pages, or every working page of the named organization.
    const pages: PlanChannel[] = [];
    const pageNames = splitList(cells.page);
    for (const name of pageNames) {
      const byId = UUID.test(name) ? channelById.get(name.toLowerCase()) : undefined;
      const matches = byId ? [byId] : (channelsByName.get(name.toLowerCase()) ?? channelsByTarget.get(pageKey(name)) ?? []);
      if (matches.length === 0) problem('page', `Страница «${name}» не найдена среди страниц организации и подчинённых: укажите её название, адрес или идентификатор, как на странице «Каналы»`);
      else if (matches.length > 1) problem('page', `Страниц с названием «${name}» несколько: укажите адрес страницы вместо названия`);
      else if (matches[0].state === 'disabled') problem('page', `Страница «${name}» отключена: включите её на странице «Каналы» или уберите из плана`);
      else if (!pages.includes(matches[0])) pages.push(matches[0]);
    }
    let owner: PlanOrganization | undefined;
    if (pageNames.length === 0) {
      const orgName = cells.organization ?? '';
      if (!orgName) problem('page', 'Укажите страницу (столбец «Страница») или организацию (столбец «Организация»)');
      else {
        const found = UUID.test(orgName) ? [orgById.get(orgName.toLowerCase())].filter((o): o is PlanOrganization => !!o) : (orgsByName.get(orgName.toLowerCase()) ?? []);
        if (found.length === 0) problem('organization', `Организация «${orgName}» не найдена среди подчинённых`);
        else if (found.length > 1) problem('organization', `Организаций с названием «${orgName}» несколько: укажите страницу вместо организации`);
        else {
          owner = found[0];
          const own = dir.channels.filter((c) => c.organizationId === owner?.id && c.state !== 'disabled');
          if (own.length === 0) problem('organization', `У организации «${orgName}» нет подключённых страниц`);
          pages.push(...own);
        }
      }
    } else if (pages.length > 0) {
      owner = commonOwner(pages.map((p) => orgById.get(p.organizationId)).filter((o): o is PlanOrganization => !!o), dir.organizations) ?? root;
    }

    // When: a local day and time in the owner's zone, not in the past.
    const date = cells.date ? readDate(cells.date) : null;
    const time = cells.time ? readTime(cells.time) : null;
    if (!cells.date) problem('date', 'Укажите дату публикации, например 15.01.2027');
    else if (!date) problem('date', `Дата «${cells.date}» не читается или не существует: укажите её в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД`);
    if (!cells.time) problem('time', 'Укажите время публикации, например 10:00');
    else if (!time) problem('time', `Время «${cells.time}» не читается: укажите его в виде ЧЧ:ММ, например 10:00`);
    const scheduledAt = date && time ? `${date}T${time}` : null;
    if (scheduledAt && owner) {
      const instant = parseZonedInstant(scheduledAt, owner.timezone);
      if (instant && instant.getTime() <= now.getTime()) problem('date', `${cells.date} ${cells.time} уже прошло (время организации «${owner.name}»): укажите будущее время`);
    }

    // What: the rubric, the text within every target platform's rules, our own images.
    const rubric = cells.rubric ? readRubric(cells.rubric) : null;
    if (!cells.rubric) problem('rubric', 'Укажите рубрику: официальное, полезное или развлекательное');
    else if (!rubric) problem('rubric', `Рубрика «${cells.rubric}» неизвестна: укажите официальное, полезное или развлекательное`);
    const text = cells.text ?? '';
    if (!text.trim()) problem('text', 'Текст пуст: у публикации должен быть текст');
    const title = cells.title?.trim() || null;
    if (title && title.length > 300) problem('title', `Заголовок длиннее 300 символов (${title.length})`);
    const link = cells.link?.trim() || null;
    const mediaIds: string[] = [];
    for (const token of imageTokens(cells.images)) {
      const id = mediaIdOf(token);
      if (!id || !dir.images.has(id)) problem('images', `Изображение «${token}» не найдено в медиатеке организации и подчинённых: загрузите его в Вестник и укажите его адрес`);
      else if (!mediaIds.includes(id)) mediaIds.push(id);
    }
    if (mediaIds.length > MAX_IMAGES_PER_POST) problem('images', `Изображений ${mediaIds.length}; в одной публикации — не больше ${MAX_IMAGES_PER_POST}`);
    if (text.trim()) {
      for (const platform of [...new Set(pages.map((p) => p.platform))]) {
        const images = mediaIds.map((id) => dir.images.get(id)?.refs[platform]).filter((r): r is ImageRef => !!r);
        for (const v of validateForPlatform(platform, { text, link: link ?? undefined, images })) {
          problem(v.field.startsWith('images') ? 'images' : v.field === 'link' ? 'link' : 'text', v.message);
        }
      }
    }

    return {
      line,
      scheduledAt,
      organizationId: owner?.id ?? null,
      organizationName: owner?.name ?? null,
      pages: pages.map((p): PlanRowPage => ({ id: p.id, name: p.name, platform: p.platform })),
      rubric,
      title,
      text,
      link,
      mediaIds,
      verdict: problems.length ? 'invalid' : 'ok',
      problems,
      postId: null,
    };
  });
}

/** The deepest organization of the subtree whose own subtree holds all of these. */
function commonOwner(orgs: PlanOrganization[], all: PlanOrganization[]): PlanOrganization | undefined {
  if (orgs.length === 0) return undefined;
  return all
    .filter((candidate) => orgs.every((o) => o.path.startsWith(candidate.path)))
    .reduce<PlanOrganization | undefined>((a, o) => (!a || o.path.length > a.path.length ? o : a), undefined);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
