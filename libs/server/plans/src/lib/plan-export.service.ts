import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DataSource } from 'typeorm';
import { formatZoned, parseZonedInstant, PLAN_COLUMNS, PLAN_HEADERS, RUBRIC_LABELS, type PlanColumn, type PlanFormat, type Rubric } from '@vestnik/contracts';
import { AccessService } from '@vestnik/server/auth';
import { validationFailed } from '@vestnik/server/http';
import { effectiveTimezones } from '@vestnik/server/organizations';

/** The longest period one export covers. */
const MAX_EXPORT_DAYS = 366;

export interface PlanFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

interface ExportedPost {
  organization_id: string;
  organization_name: string;
  scheduled_at: Date;
  rubric: Rubric;
  title: string | null;
  text: string;
  link: string | null;
  media_ids: string[];
  pages: string[] | null;
}

/**
 * The subtree's plan for a period, in the columns import reads (so an exported plan, edited,
 * imports back): one row per post, its pages in one cell separated by semicolons.
 */
@Injectable()
export class PlanExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async export(actor: { user: { id: string } }, q: { organizationId: string; from: string; to: string; format?: PlanFormat }): Promise<PlanFile> {
    const { organization } = await this.access.require(actor.user.id, q.organizationId, 'viewer');
    const zone = (await effectiveTimezones(this.dataSource, [organization.id])).get(organization.id) ?? 'UTC';
    const from = parseZonedInstant(`${q.from}T00:00`, zone);
    const toDay = parseZonedInstant(`${q.to}T00:00`, zone);
    if (!from) throw validationFailed([{ field: 'from', rule: 'isCalendarDate', message: `Поле «from»: дня ${q.from} не существует` }]);
    if (!toDay) throw validationFailed([{ field: 'to', rule: 'isCalendarDate', message: `Поле «to»: дня ${q.to} не существует` }]);
    const days = (toDay.getTime() - from.getTime()) / 86_400_000;
    if (days < 0) throw validationFailed([{ field: 'to', rule: 'notBeforeFrom', message: 'Поле «to»: последний день периода раньше первого' }]);
    if (days >= MAX_EXPORT_DAYS) throw validationFailed([{ field: 'to', rule: 'maxPeriod', message: `Поле «to»: за один раз — не больше ${MAX_EXPORT_DAYS} дней` }]);
    const until = new Date(toDay.getTime() + 86_400_000);

    const posts: ExportedPost[] = await this.dataSource.query(
      `SELECT p.organization_id, o.name AS organization_name, p.scheduled_at, p.rubric, p.title, p.text, p.link, p.media_ids,
              (SELECT array_agg(c.name ORDER BY c.name) FROM publications pub JOIN channels c ON c.id = pub.channel_id
                WHERE pub.post_id = p.id AND pub.status <> 'cancelled') AS pages
         FROM posts p JOIN organizations o ON o.id = p.organization_id
        WHERE o.path LIKE $1 AND p.scheduled_at >= $2 AND p.scheduled_at < $3 AND p.status <> 'cancelled'
        ORDER BY p.scheduled_at, p.id`,
      [`${organization.path}%`, from, until],
    );
    const zones = await effectiveTimezones(this.dataSource, [...new Set(posts.map((p) => p.organization_id))]);
    const rows = posts.map((p): Record<PlanColumn, string> => {
      const local = formatZoned(new Date(p.scheduled_at), zones.get(p.organization_id) ?? zone);
      return {
        date: local.slice(0, 10),
        time: local.slice(11, 16),
        page: (p.pages ?? []).join('; '),
        organization: p.organization_name,
        rubric: RUBRIC_LABELS[p.rubric],
        title: p.title ?? '',
        text: p.text,
        link: p.link ?? '',
        images: p.media_ids.join('; '),
      };
    });
    const base = `plan-${q.from}-${q.to}`;
    const headers = PLAN_COLUMNS.map((c) => PLAN_HEADERS[c]);
    if (q.format === 'csv') {
      // Excel in Russian reads semicolons and needs the BOM to see UTF-8.
      const csv = Papa.unparse({ fields: headers, data: rows.map((r) => PLAN_COLUMNS.map((c) => r[c])) }, { delimiter: ';', newline: '\r\n' });
      return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', bytes: Buffer.from(`\ufeff${csv}\r\n`, 'utf8') };
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('План');
    sheet.columns = PLAN_COLUMNS.map((c) => ({ header: PLAN_HEADERS[c], key: c, width: c === 'text' ? 80 : c === 'page' || c === 'organization' ? 36 : 14 }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of rows) sheet.addRow(r);
    sheet.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
  }
}
