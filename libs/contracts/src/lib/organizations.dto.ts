import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, Role } from './enums';
import { IsTimeZone } from './validation';

export interface OrganizationView {
  id: string;
  name: string;
  parentId: string | null;
  /** The effective IANA zone: its own, or inherited from the nearest ancestor that sets one. */
  timezone: string;
  /** The zone set on this organization itself; null when inherited. */
  ownTimezone: string | null;
  archived: boolean;
  /** Admins of this organization must use a second factor. */
  requireAdminTotp: boolean;
  /**
   * Set here: whoever wrote or changed a post may also approve it (four eyes off). Counts only
   * while no ancestor (nor this one) requires four eyes: see `fourEyes`.
   */
  allowSelfApproval: boolean;
  /** Set here: four eyes are required here and in every sub-organization, whatever they set. */
  requireFourEyesInSubtree: boolean;
  /** The rule in force here, computed from the path. */
  fourEyes: FourEyesRule;
  /** The caller's effective role here (held here or on an ancestor). */
  myRole: Role;
  createdAt: string;
}

/** Who may approve a post in an organization. */
export interface FourEyesRule {
  /** Whether the author or an editor of a post may approve it himself. */
  selfApprovalAllowed: boolean;
  /** The nearest organization (this one or an ancestor) requiring four eyes for its subtree; null when none does. */
  requiredBy: { id: string; name: string } | null;
}

/** `POST /api/v1/organizations` */
export class CreateOrganizationRequest {
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @IsUUID()
  parentId!: string;

  @IsOptional() @IsTimeZone()
  timezone?: string;
}

/** `PATCH /api/v1/organizations/:id`. `timezone: null` returns to the inherited zone. */
export class UpdateOrganizationRequest {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  @IsOptional() @ValidateIf((_, v) => v !== null) @IsTimeZone()
  timezone?: string | null;

  @IsOptional() @IsBoolean()
  requireAdminTotp?: boolean;

  /** Refused (409) while this organization or an ancestor requires four eyes. */
  @IsOptional() @IsBoolean()
  allowSelfApproval?: boolean;

  /** Only an admin of this organization (held here or above) may set or lift it. */
  @IsOptional() @IsBoolean()
  requireFourEyesInSubtree?: boolean;
}

/**
 * `POST /api/v1/organizations/:id/members`: invites a person by e-mail. The role is given when the
 * person accepts, with a new account or by confirming with the password of an existing one.
 */
export class AddMemberRequest {
  @IsEmail() @MaxLength(254)
  email!: string;

  /** Suggested for a new account; an existing account keeps its own name. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  @IsIn(ROLES as unknown as string[])
  role!: Role;

  /** Answer the link (to hand over in person) instead of e-mailing it; without e-mail it is always answered. */
  @IsOptional() @IsBoolean()
  showLink?: boolean;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  createdAt: string;
}
