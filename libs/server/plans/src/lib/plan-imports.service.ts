import { HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PLATFORMS, type ApiErrorBody, type PlanImportRowView, type PlanImportView, type PlanRowProblem } from '@vestnik/contracts';
import { AuditLog } from '@vestnik/server/audit';
import { AccessService, refuseIfArchived } from '@vestnik/server/auth';
import { ChannelsService } from '@vestnik/server/channels';
import { ApiException, notFound, SignedInActor, validationFailed } from '@vestnik/server/http';
import { MediaService } from '@vestnik/server/media';
import { effectiveTimezones } from '@vestnik/server/organizations';
import { PostsService } from '@vestnik/server/posts';
import { readPlanFile } from './plan-file';
import { checkPlanRows, imageTokens, mediaIdOf, type PlanDirectory, type PlanImage } from './plan-rows';

/** A preview can be confirmed for this long; after that the file is uploaded again (the subtree may have changed). */
const PREVIEW_LIFETIME_MS = 24 * 3600_000;

interface PlanImportRow {
  id: string;
  organization_id: string;
  created_by: string;
  file_name: string;
  timezone: string;
  state: 'previewed' | 'confirmed';
  rows: PlanImportRowView[];
  created_at: Date;
  expires_at: Date;
}

export interface UploadedPlanFile {
  originalname: string;
  buffer: Buffer;
}

/**
 * A coordinator's content plan, from file to drafts: upload reads and checks every row against the
 * subtree and stores the verdicts; nothing is created until the same person confirms; then each good
 * row becomes a draft in its own transaction, so one that fails never blocks the others.
 */
@Injectable()
export class PlanImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly channels: ChannelsService,
    private readonly media: MediaService,
    private readonly posts: PostsService,
    private readonly audit: AuditLog,
  ) {}

  async preview(actor: SignedInActor, organizationId: string, file: UploadedPlanFile | undefined): Promise<PlanImportView> {
    const { organization } = await this.access.require(actor.user.id, organizationId, 'editor');
    refuseIfArchived(organization, 'загружать в неё план');
    if (!file) throw fileProblem('Приложите файл плана (CSV или XLSX) в поле «file»');
    const read = await readPlanFile(file.buffer);
    if (!read.ok) throw fileProblem(read.message);
    const directory = await this.directory(actor, organization.path, organizationId, read.rows.flatMap((r) => imageTokens(r.cells.images)));
    const rows = checkPlanRows(read.rows, directory, new Date());
    const timezone = directory.organizations.find((o) => o.id === organizationId)?.timezone ?? 'UTC';
    const [saved]: PlanImportRow[] = await this.dataSource.query(
      `INSERT INTO plan_imports (organization_id, created_by, file_name, timezone, state, rows, expires_at)
       VALUES ($1, $2, $3, $4, 'previewed', $5::jsonb, now() + $6 * interval '1 millisecond') RETURNING *`,
      [organizationId, actor.user.id, fileNameOf(file), timezone, JSON.stringify(rows), PREVIEW_LIFETIME_MS],
    );
    return toView(saved);
  }

  async get(actor: SignedInActor, id: string): Promise<PlanImportView> {
    return toView(await this.load(actor, id));
  }

  /** Creates a draft from every `ok` row; answers the import with each row's outcome. */
  async confirm(actor: SignedInActor, id: string): Promise<PlanImportView> {
    const loaded = await this.load(actor, id);
    // Taking the import for this confirmation first: a second click, or a second tab, finds it confirmed.
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's PostgreSQL driver.
    const [updated]: [PlanImportRow[], number] = await this.dataSource.query(
      `UPDATE plan_imports SET state = 'confirmed', confirmed_at = now() WHERE id = $1 AND state = 'previewed' AND expires_at > now() RETURNING *`,
      [loaded.id],
    );
    const taken = updated[0];
    if (!taken) {
      if (loaded.state === 'confirmed') throw new ApiException(409, 'plan_already_imported', 'Этот план уже импортирован: черновики созданы при первом подтверждении');
      throw new ApiException(410, 'plan_preview_expired', 'Предпросмотр устарел (прошло больше суток): загрузите файл плана ещё раз');
    }
    const rows = taken.rows;
    for (const [index, row] of rows.entries()) {
      if (row.verdict !== 'ok' || !row.organizationId || !row.scheduledAt || !row.rubric) continue;
      let outcome: Pick<PlanImportRowView, 'verdict' | 'problems' | 'postId'>;
      try {
        const post = await this.posts.create(actor, {
          organizationId: row.organizationId,
          rubric: row.rubric,
          title: row.title ?? undefined,
          text: row.text,
          link: row.link ?? undefined,
          mediaIds: row.mediaIds,
          channelIds: row.pages.map((p) => p.id),
          scheduledAt: row.scheduledAt,
        });
        outcome = { verdict: 'created', problems: [], postId: post.id };
      } catch (e) {
        outcome = { verdict: 'failed', problems: problemsOf(e), postId: null };
      }
      rows[index] = { ...row, ...outcome };
      // Each row's outcome is kept as it happens: a crash half way leaves an exact record of what was created.
      await this.dataSource.query(`UPDATE plan_imports SET rows = jsonb_set(rows, $2::text[], $3::jsonb) WHERE id = $1`, [taken.id, [String(index)], JSON.stringify(rows[index])]);
    }
    const count = (v: PlanImportRowView['verdict']) => rows.filter((r) => r.verdict === v).length;
    await this.audit.record({
      actor,
      organizationId: taken.organization_id,
      action: 'plan.imported',
      targetType: 'plan_import',
      targetId: taken.id,
      after: { name: taken.file_name, rows: rows.length, drafts: count('created'), notCreated: count('failed'), invalidRows: count('invalid') },
    });
    return toView({ ...taken, rows });
  }

  /** The uploader's own import, within an organization they still edit; 404 otherwise. */
  private async load(actor: SignedInActor, id: string): Promise<PlanImportRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Импорт плана');
    const [row]: PlanImportRow[] = await this.dataSource.query(`SELECT * FROM plan_imports WHERE id = $1 AND created_by = $2`, [id, actor.user.id]);
    if (!row) throw notFound('Импорт плана');
    await this.access.require(actor.user.id, row.organization_id, 'editor', 'Импорт плана');
    return row;
  }

  /** The subtree's organizations, pages and the images the rows name (by id, read from their addresses). */
  private async directory(actor: SignedInActor, path: string, organizationId: string, tokens: string[]): Promise<PlanDirectory> {
    const orgs: { id: string; name: string; path: string }[] = await this.dataSource.query(
      `SELECT id, name, path FROM organizations WHERE path LIKE $1 AND archived_at IS NULL ORDER BY path`,
      [`${path}%`],
    );
    const zones = await effectiveTimezones(this.dataSource, orgs.map((o) => o.id));
    const channels = await this.channels.list(actor, organizationId);
    const ids = [...new Set(tokens.map(mediaIdOf).filter((id): id is string => id !== null))];
    const inSubtree = new Set(orgs.map((o) => o.id));
    const images = new Map<string, PlanImage>();
    for (const platform of PLATFORMS) {
      for (const ref of ids.length ? await this.media.imageRefs(ids, platform) : []) {
        if (!inSubtree.has(ref.organizationId)) continue;
        const image = images.get(ref.id) ?? { id: ref.id, refs: {} };
        image.refs[platform] = ref;
        images.set(ref.id, image);
      }
    }
    return {
      organizations: orgs.map((o) => ({ ...o, timezone: zones.get(o.id) ?? 'UTC' })),
      channels: channels.map((c) => ({ id: c.id, name: c.name, platform: c.platform, organizationId: c.organizationId, state: c.health.state, target: c.target })),
      images,
    };
  }
}

function toView(row: PlanImportRow): PlanImportView {
  return {
    id: row.id,
    organizationId: row.organization_id,
    fileName: row.file_name,
    state: row.state,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    timezone: row.timezone,
    rows: row.rows,
  };
}

function fileNameOf(file: UploadedPlanFile): string {
  return (file.originalname || 'plan').slice(0, 255);
}

function fileProblem(message: string): ApiException {
  return validationFailed([{ field: 'file', rule: 'planFile', message }]);
}

/** What the posts API said about a row, as problems of its columns. */
function problemsOf(e: unknown): PlanRowProblem[] {
  if (e instanceof HttpException) {
    const body = e.getResponse() as Partial<ApiErrorBody>;
    const column = (field: string): PlanRowProblem['column'] =>
      field.startsWith('channel') ? 'page' : field === 'scheduledAt' ? 'date' : field === 'mediaIds' || field.startsWith('images') ? 'images' : field === 'text' || field === 'rubric' || field === 'title' || field === 'link' ? field : 'row';
    if (body.errors?.length) return body.errors.map((err) => ({ column: column(err.field), message: err.message }));
    return [{ column: 'row', message: body.message ?? e.message }];
  }
  return [{ column: 'row', message: 'Черновик не создан из-за ошибки сервера; строку можно загрузить снова' }];
}
