import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PLATFORMS, Platform, RUBRICS, Rubric } from './enums';

export const CHANNEL_STATES = ['active', 'disabled', 'needs_attention'] as const;
export type ChannelState = (typeof CHANNEL_STATES)[number];

export const CHANNEL_STATE_LABELS: Record<ChannelState, string> = {
  active: 'Работает',
  disabled: 'Отключён',
  needs_attention: 'Требует внимания',
};

/** Target share of each rubric, in percent; the three add up to 100. */
export type RubricMix = Record<Rubric, number>;

/**
 * Credentials per platform: vk `{accessToken, refreshToken?, deviceId?, expiresAt?}`, ok `{accessToken}`,
 * telegram `{botToken}`. Write-only: no endpoint ever answers them.
 */
export type ChannelCredentialsInput = Record<string, string>;

/** `POST /api/v1/channels`: verified through the platform before it is stored (422 with the reason otherwise). */
export class CreateChannelRequest {
  @IsUUID()
  organizationId!: string;

  @IsIn(PLATFORMS as unknown as string[])
  platform!: Platform;

  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  /** VK group id, OK group id, or Telegram chat id / `@username`. */
  @IsString() @IsNotEmpty() @MaxLength(100)
  target!: string;

  @IsObject()
  credentials!: ChannelCredentialsInput;
}

/** `PATCH /api/v1/channels/:id`. New credentials are verified before they replace the old ones. */
export class UpdateChannelRequest {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  @IsOptional() @IsObject()
  credentials?: ChannelCredentialsInput;

  /** Posts a week this page must have (regional rules); null: no minimum. Admins only. */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(100)
  weeklyMinimum?: number | null;

  /** Target rubric mix in percent, adding up to 100; null: none. Admins only. */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsObject()
  rubricMix?: RubricMix | null;
}

export interface ChannelHealth {
  state: ChannelState;
  lastVerifiedAt: string | null;
  lastError: string | null;
  tokenExpiresAt: string | null;
  canPost: boolean;
}

export interface ChannelView {
  id: string;
  organizationId: string;
  platform: Platform;
  name: string;
  target: string;
  /** The platform's own id for the target (resolved at verification). */
  remoteTargetId: string | null;
  /** The community, group or channel name as the platform shows it. */
  displayName: string | null;
  health: ChannelHealth;
  weeklyMinimum: number | null;
  rubricMix: RubricMix | null;
  createdAt: string;
  updatedAt: string;
}

export function isRubricMix(value: unknown): value is RubricMix {
  if (!value || typeof value !== 'object') return false;
  const keys = Object.keys(value);
  if (keys.length !== RUBRICS.length || !RUBRICS.every((r) => keys.includes(r))) return false;
  const numbers = RUBRICS.map((r) => (value as Record<string, unknown>)[r]);
  return numbers.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 100) && (numbers as number[]).reduce((a, b) => a + b, 0) === 100;
}
