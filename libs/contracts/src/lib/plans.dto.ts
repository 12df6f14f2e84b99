import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import type { Platform, Rubric } from './enums';

/** A calendar day, `YYYY-MM-DD`. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** File formats a content plan is read from and written to. */
export const PLAN_FORMATS = ['csv', 'xlsx'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/**
 * The plan's columns, in the order export writes them. Import finds them by their header, in
 * Russian or English, in any order; `page` and `organization` are alternatives (a row names one).
 */
export const PLAN_COLUMNS = ['date', 'time', 'page', 'organization', 'rubric', 'title', 'text', 'link', 'images'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** The headers export writes (Russian, as our users read them). */
export const PLAN_HEADERS: Record<PlanColumn, string> = {
  date: 'Дата',
  time: 'Время',
  page: 'Страница',
  organization: 'Организация',
  rubric: 'Рубрика',
  title: 'Заголовок',
  text: 'Текст',
  link: 'Ссылка',
  images: 'Изображения',
};

export const PLAN_IMPORT_STATES = ['previewed', 'confirmed'] as const;
export type PlanImportState = (typeof PLAN_IMPORT_STATES)[number];

/** What became of a row: checked and importable, refused at the check, a draft created, or refused when creating. */
export const PLAN_ROW_VERDICTS = ['ok', 'invalid', 'created', 'failed'] as const;
export type PlanRowVerdict = (typeof PLAN_ROW_VERDICTS)[number];

/** `POST /api/v1/plans/imports` (multipart: the file in field `file`). */
export class PlanImportRequest {
  /**
   * The organization whose subtree the plan is for: its pages and organizations are the ones a row may name.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;
}

/** One thing wrong with a row, naming its column. */
export class PlanRowProblem {
  /**
   * The column the problem is in.
   * @example "date"
   */
  column!: PlanColumn | 'row';

  /**
   * What is wrong and how to mend it, in Russian.
   * @example "Дата «31.02.2027» не существует: укажите дату в виде ДД.ММ.ГГГГ"
   */
  message!: string;
}

/** A page a row will publish to. */
export class PlanRowPage {
  /**
   * The channel's id.
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  id!: string;

  /**
   * The page's name in Vestnik.
   * @example "Школа №1 — ВКонтакте"
   */
  name!: string;

  /**
   * The platform.
   * @example "vk"
   */
  platform!: Platform;
}

/** One row of the uploaded plan, as read and checked. */
export class PlanImportRowView {
  /**
   * The row's line in the file (the header is line 1).
   * @example 2
   */
  line!: number;

  /**
   * The publication time as read, local to the organization's zone (`YYYY-MM-DDTHH:mm`), or null when it could not be read.
   * @example "2027-01-15T10:00"
   */
  scheduledAt!: string | null;

  /**
   * The organization the draft will belong to (the page's, or the one the row names).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string | null;

  /**
   * That organization's name.
   * @example "Школа №1 г. Южно-Сахалинска"
   */
  organizationName!: string | null;

  /** The pages the draft will publish to. */
  pages!: PlanRowPage[];

  /**
   * The rubric as read.
   * @example "useful"
   */
  rubric!: Rubric | null;

  /**
   * The internal title, if the row has one.
   * @example "Каникулы"
   */
  title!: string | null;

  /**
   * The text as read.
   * @example "С 29 декабря по 11 января у школьников зимние каникулы."
   */
  text!: string;

  /**
   * The link, if the row has one.
   * @example "https://minobr.sakhalin.gov.ru/news/kanikuly"
   */
  link!: string | null;

  /**
   * Images from the subtree's media library the row names.
   * @example ["c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"]
   */
  mediaIds!: string[];

  /**
   * `ok`: will become a draft on confirmation; `invalid`: will not (see `problems`); after confirmation `created` or `failed`.
   * @example "ok"
   */
  verdict!: PlanRowVerdict;

  /** Why the row is invalid or failed; empty otherwise. */
  problems!: PlanRowProblem[];

  /**
   * The draft created from the row, after confirmation.
   * @example "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
   */
  postId!: string | null;
}

/** An uploaded plan: checked, and (once confirmed) imported. */
export class PlanImportView {
  /**
   * The import's id (confirm with `POST /api/v1/plans/imports/{id}/confirm`).
   * @example "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a"
   */
  id!: string;

  /**
   * The organization whose subtree the plan is for.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * The uploaded file's name.
   * @example "план-январь.xlsx"
   */
  fileName!: string;

  /**
   * `previewed` until confirmed; a confirmed import cannot be confirmed again.
   * @example "previewed"
   */
  state!: PlanImportState;

  /**
   * When it was uploaded.
   * @example "2026-12-03T09:15:00.000Z"
   */
  createdAt!: string;

  /**
   * After this moment the preview can no longer be confirmed (upload the file again).
   * @example "2026-12-04T09:15:00.000Z"
   */
  expiresAt!: string;

  /**
   * The time zone local times were read in.
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /** The rows, in file order. */
  rows!: PlanImportRowView[];
}

/** `GET /api/v1/plans/export`: the subtree's posts planned in a period, as a plan file. */
export class PlanExportQuery {
  /**
   * The organization whose subtree's posts to export.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * First day, `YYYY-MM-DD`, in the organization's zone.
   * @example "2027-01-01"
   */
  @IsString() @Matches(CALENDAR_DATE)
  from!: string;

  /**
   * Last day (included), `YYYY-MM-DD`, at most 366 days after `from`.
   * @example "2027-01-31"
   */
  @IsString() @Matches(CALENDAR_DATE)
  to!: string;

  /**
   * `csv` (UTF-8 with BOM, separated by semicolons, as Excel in Russian opens it) or `xlsx`; `xlsx` when absent.
   * @example "xlsx"
   */
  @IsOptional() @IsIn(PLAN_FORMATS as unknown as string[])
  format?: PlanFormat;
}
