import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** One recorded action: who did what to which object, and what changed. Secrets are never recorded. */
export class AuditEntryView {
  /**
   * The entry's id.
   * @example "7e8f9a0b-1c2d-4e3f-a4b5-c6d7e8f9a0b1"
   */
  id!: string;

  /**
   * When it happened (UTC).
   * @example "2026-05-14T02:31:07.412Z"
   */
  at!: string;

  /**
   * The person who acted; null for the server's own actions (the publishing worker) and failed logins.
   * @example "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
   */
  actorId!: string | null;

  /**
   * The person's e-mail at that moment (kept as it was if the account changes later).
   * @example "ivanova@minobr.sakhalin.gov.ru"
   */
  actorEmail!: string | null;

  /**
   * The organization it concerns; null when none (a failed login of an unknown address).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string | null;

  /**
   * What was done, as `<object>.<verb>`.
   * @example "channel.created"
   */
  action!: string;

  /**
   * The kind of object acted on.
   * @example "channel"
   */
  targetType!: string;

  /**
   * The object acted on; null when there is none (a failed login).
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  targetId!: string | null;

  /**
   * The object's fields before the action, where it changed or removed one; never secrets.
   * @example {"name": "Минобр Сахалина", "state": "active"}
   */
  before!: Record<string, unknown> | null;

  /**
   * The object's fields after the action, or its details; never secrets.
   * @example {"name": "Министерство образования Сахалинской области", "state": "active"}
   */
  after!: Record<string, unknown> | null;

  /**
   * The client's address; null for the server's own actions.
   * @example "10.20.30.40"
   */
  ip!: string | null;
}

/** Query of `GET /api/v1/audit`. */
export class AuditQuery {
  /**
   * Entries of this organization and its whole subtree (admins and supervisors of it only).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * Entries at or after this instant (ISO 8601).
   * @example "2026-05-01T00:00:00.000Z"
   */
  @IsOptional() @IsISO8601()
  from?: string;

  /**
   * Entries before this instant (ISO 8601), not including it.
   * @example "2026-06-01T00:00:00.000Z"
   */
  @IsOptional() @IsISO8601()
  to?: string;

  /**
   * Most entries to answer; 50 when absent.
   * @example 50
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  /**
   * Entries to skip, for the next pages; 0 when absent.
   * @example 0
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

/** A page of a list, for code. OpenAPI cannot describe a generic: each endpoint answers a concrete page class. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Where a page sits in its list; the concrete page classes add `items` of their own type. */
export abstract class PageWindow {
  /**
   * Items in the whole list, on all pages.
   * @example 137
   */
  total!: number;

  /**
   * Most items this page could hold (as asked, or the default).
   * @example 50
   */
  limit!: number;

  /**
   * Items of the list before this page.
   * @example 0
   */
  offset!: number;
}

/** Answer of `GET /api/v1/audit`: newest first. */
export class AuditEntryPage extends PageWindow implements Page<AuditEntryView> {
  /** The entries of this page. */
  items!: AuditEntryView[];
}
