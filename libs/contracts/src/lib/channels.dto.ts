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
 * telegram `{botToken}`, max `{botToken}`. Write-only: no endpoint ever answers them.
 */
export type ChannelCredentialsInput = Record<string, string>;

/** `POST /api/v1/channels`: verified through the platform before it is stored (422 with the reason otherwise). */
export class CreateChannelRequest {
  /**
   * The organization the page belongs to (admins of it only).
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  @IsUUID()
  organizationId!: string;

  /**
   * The platform of the page.
   * @example "vk"
   */
  @IsIn(PLATFORMS as unknown as string[])
  platform!: Platform;

  /**
   * The channel's name in Vestnik.
   * @example "Минобр Сахалина"
   */
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  /**
   * VK group id, OK group id, or Telegram chat id / `@username`.
   * @example "club218043219"
   */
  @IsString() @IsNotEmpty() @MaxLength(100)
  target!: string;

  /**
   * The platform's keys, write-only: vk `{accessToken, refreshToken?, deviceId?, expiresAt?}`, ok `{accessToken}`, telegram `{botToken}`, max `{botToken}`.
   * @example {"accessToken": "vk1.a.Xq3tZ0-пример-ключа-сообщества"}
   */
  @IsObject()
  credentials!: ChannelCredentialsInput;
}

/** `PATCH /api/v1/channels/:id`. New credentials are verified before they replace the old ones. */
export class UpdateChannelRequest {
  /**
   * The channel's new name in Vestnik.
   * @example "Министерство образования Сахалинской области"
   */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  /**
   * New platform keys, in the shape `credentials` has on creation; write-only.
   * @example {"accessToken": "vk1.a.Xq3tZ0-пример-ключа-сообщества"}
   */
  @IsOptional() @IsObject()
  credentials?: ChannelCredentialsInput;

  /**
   * Posts a week this page must have (regional rules); null: no minimum. Admins only.
   * @example 3
   */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(100)
  weeklyMinimum?: number | null;

  /**
   * Target rubric mix in percent (official, useful, entertaining), adding up to 100; null: none. Admins only.
   * @example {"official": 40, "useful": 40, "entertaining": 20}
   */
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsObject()
  rubricMix?: RubricMix | null;
}

/** What Vestnik last learnt from the platform about posting to the page. */
export class ChannelHealth {
  /**
   * `active`: posts go out; `disabled`: switched off by an admin; `needs_attention`: the platform refused (see `lastError`).
   * @example "active"
   */
  state!: ChannelState;

  /**
   * When the platform was last asked (UTC); null: never since creation.
   * @example "2026-05-14T02:30:00.000Z"
   */
  lastVerifiedAt!: string | null;

  /**
   * The platform's last refusal, in Russian; null when it answered well.
   * @example "нет права публиковать записи"
   */
  lastError!: string | null;

  /**
   * When the platform's key stops working (UTC); null: it does not expire or the platform does not say.
   * @example "2026-08-12T00:00:00.000Z"
   */
  tokenExpiresAt!: string | null;

  /**
   * Vestnik renews the key itself before `tokenExpiresAt` (a VK ID refresh key is stored), so that expiry needs no one; false also while not known (channels connected before this was recorded, until their next check).
   * @example true
   */
  tokenRenewable!: boolean;

  /**
   * The platform confirmed at the last check that Vestnik may post to the page.
   * @example true
   */
  canPost!: boolean;
}

/** A connected page (channel); its credentials are never answered. */
export class ChannelView {
  /**
   * The channel's id.
   * @example "2f6e1a3b-8c4d-4e5f-9a6b-7c8d9e0f1a2b"
   */
  id!: string;

  /**
   * The organization the page belongs to.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * The platform of the page.
   * @example "vk"
   */
  platform!: Platform;

  /**
   * The channel's name in Vestnik.
   * @example "Минобр Сахалина"
   */
  name!: string;

  /**
   * As it was given: VK group id, OK group id, or Telegram chat id / `@username`.
   * @example "club218043219"
   */
  target!: string;

  /**
   * The platform's own id for the target (resolved at verification).
   * @example "218043219"
   */
  remoteTargetId!: string | null;

  /**
   * The community, group or channel name as the platform shows it.
   * @example "Министерство образования Сахалинской области"
   */
  displayName!: string | null;

  /** What Vestnik last learnt from the platform about posting to the page. */
  health!: ChannelHealth;

  /**
   * Posts a week this page must have (regional rules); null: no minimum.
   * @example 3
   */
  weeklyMinimum!: number | null;

  /**
   * Target rubric mix in percent (official, useful, entertaining), adding up to 100; null: none.
   * @example {"official": 40, "useful": 40, "entertaining": 20}
   */
  rubricMix!: RubricMix | null;

  /**
   * When a post last went out on this page through Vestnik (UTC); null: nothing yet.
   * @example "2026-05-13T23:00:00.000Z"
   */
  lastPublishedAt!: string | null;

  /**
   * Posts chosen for this page that have not gone out yet (drafts, in review, scheduled, being sent). Disabled or deleted, the page gets none of them.
   * @example 4
   */
  upcomingPublications!: number;

  /**
   * When it was connected (UTC).
   * @example "2026-05-01T03:12:45.000Z"
   */
  createdAt!: string;

  /**
   * When it last changed, a check by the platform included (UTC).
   * @example "2026-05-14T02:30:00.000Z"
   */
  updatedAt!: string;
}

export function isRubricMix(value: unknown): value is RubricMix {
  if (!value || typeof value !== 'object') return false;
  const keys = Object.keys(value);
  if (keys.length !== RUBRICS.length || !RUBRICS.every((r) => keys.includes(r))) return false;
  const numbers = RUBRICS.map((r) => (value as Record<string, unknown>)[r]);
  return numbers.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 100) && (numbers as number[]).reduce((a, b) => a + b, 0) === 100;
}
