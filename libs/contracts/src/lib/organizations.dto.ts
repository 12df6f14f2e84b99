import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, Role } from './enums';
import { IsTimeZone } from './validation';

/** An organization the caller can see, with the rules in force there and his role. */
export class OrganizationView {
  /**
   * The organization's id.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  id!: string;

  /**
   * The organization's name.
   * @example "Министерство образования Сахалинской области"
   */
  name!: string;

  /**
   * The parent organization; null for the root.
   * @example "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"
   */
  parentId!: string | null;

  /**
   * The effective IANA zone: its own, or inherited from the nearest ancestor that sets one.
   * @example "Asia/Sakhalin"
   */
  timezone!: string;

  /**
   * The zone set on this organization itself; null when inherited.
   * @example null
   */
  ownTimezone!: string | null;

  /**
   * Archived, with its whole subtree (listed only when asked for with `includeArchived`).
   * @example false
   */
  archived!: boolean;

  /**
   * Admins of this organization must use a second factor.
   * @example true
   */
  requireAdminTotp!: boolean;

  /**
   * Set here: whoever wrote or changed a post may also approve it (four eyes off). Counts only
   * while no ancestor (nor this one) requires four eyes: see `fourEyes`.
   * @example false
   */
  allowSelfApproval!: boolean;

  /**
   * Set here: four eyes are required here and in every sub-organization, whatever they set.
   * @example false
   */
  requireFourEyesInSubtree!: boolean;

  /** The rule in force here, computed from the path. */
  fourEyes!: FourEyesRule;

  /**
   * The caller's effective role here (held here or on an ancestor).
   * @example "admin"
   */
  myRole!: Role;

  /**
   * When it was created (UTC).
   * @example "2026-04-20T01:15:00.000Z"
   */
  createdAt!: string;
}

/** An organization named by another answer. */
export class OrganizationRefView {
  /**
   * The organization's id.
   * @example "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"
   */
  id!: string;

  /**
   * The organization's name.
   * @example "Правительство Сахалинской области"
   */
  name!: string;
}

/** Who may approve a post in an organization. */
export class FourEyesRule {
  /**
   * Whether the author or an editor of a post may approve it himself.
   * @example false
   */
  selfApprovalAllowed!: boolean;

  /** The nearest organization (this one or an ancestor) requiring four eyes for its subtree; null when none does. */
  requiredBy!: OrganizationRefView | null;
}

/** `POST /api/v1/organizations` */
export class CreateOrganizationRequest {
  /**
   * The new organization's name.
   * @example "Школа № 5 г. Южно-Сахалинска"
   */
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  /**
   * The parent organization (admins of it only).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  parentId!: string;

  /**
   * Its own IANA time zone; absent: the parent's is inherited.
   * @example "Asia/Sakhalin"
   */
  @IsOptional() @IsTimeZone()
  timezone?: string;
}

/** `PATCH /api/v1/organizations/:id`. `timezone: null` returns to the inherited zone. */
export class UpdateOrganizationRequest {
  /**
   * The new name.
   * @example "Министерство образования Сахалинской области"
   */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  /**
   * Its own IANA time zone; null returns to the inherited one (refused for the root).
   * @example "Asia/Magadan"
   */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsTimeZone()
  timezone?: string | null;

  /**
   * Admins of this organization must use a second factor.
   * @example true
   */
  @IsOptional() @IsBoolean()
  requireAdminTotp?: boolean;

  /**
   * Whoever wrote or changed a post may also approve it; refused (409) while this organization or an ancestor requires four eyes.
   * @example false
   */
  @IsOptional() @IsBoolean()
  allowSelfApproval?: boolean;

  /**
   * Four eyes here and in every sub-organization; only an admin of this organization (held here or above) may set or lift it.
   * @example true
   */
  @IsOptional() @IsBoolean()
  requireFourEyesInSubtree?: boolean;
}

/**
 * `POST /api/v1/organizations/:id/members`: invites a person by e-mail. The role is given when the
 * person accepts, with a new account or by confirming with the password of an existing one.
 */
export class AddMemberRequest {
  /**
   * The person's e-mail, where the link goes.
   * @example "petrova@minobr.sakhalin.gov.ru"
   */
  @IsEmail() @MaxLength(254)
  email!: string;

  /**
   * Suggested for a new account; an existing account keeps its own name.
   * @example "Ирина Петрова"
   */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  /**
   * The role offered: admin, supervisor, editor or viewer.
   * @example "editor"
   */
  @IsIn(ROLES as unknown as string[])
  role!: Role;

  /**
   * Answer the link (to hand over in person) instead of e-mailing it; without e-mail it is always answered.
   * @example false
   */
  @IsOptional() @IsBoolean()
  showLink?: boolean;
}

/** A person's role in one organization. */
export class MemberView {
  /**
   * The person's id.
   * @example "0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e"
   */
  userId!: string;

  /**
   * The person's e-mail.
   * @example "petrova@minobr.sakhalin.gov.ru"
   */
  email!: string;

  /**
   * The person's name.
   * @example "Ирина Петрова"
   */
  name!: string;

  /**
   * The role held here: admin, supervisor, editor or viewer.
   * @example "editor"
   */
  role!: Role;

  /**
   * The organization where the role is held.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * When the person became a member here (UTC).
   * @example "2026-05-02T00:40:12.000Z"
   */
  createdAt!: string;
}
