import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../app/context';

/** VK ID user tokens live an hour (sandbox clock). */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/** What a grant answers: VK ID's token body, or its OAuth error. */
export type VkIdGrantResult = { body: Record<string, unknown> } | { error: string; description: string };

export interface VkIdTokenOwner {
  userId: number;
  deviceId: string;
  clientId?: string;
  adminLevels: Map<number, number>;
}

/**
 * A new access token (valid for the VK API emulation with the owner's admin rights) and a new
 * refresh token bound to the same device and client.
 */
export function issueVkIdTokens(ctx: SandboxContext, owner: VkIdTokenOwner): { accessToken: string; refreshToken: string } {
  const accessToken = `vk1.a.${randomBytes(24).toString('hex')}`;
  const refreshToken = `vk2.r.${randomBytes(24).toString('hex')}`;
  ctx.store.vk.tokens.set(accessToken, {
    token: accessToken,
    userId: owner.userId,
    kind: 'user',
    adminLevels: new Map(owner.adminLevels),
    expiresAt: ctx.clock.now() + ACCESS_TOKEN_TTL_SECONDS * 1000,
  });
  ctx.store.vk.refreshTokens.set(refreshToken, {
    token: refreshToken,
    userId: owner.userId,
    deviceId: owner.deviceId,
    clientId: owner.clientId,
    adminLevels: new Map(owner.adminLevels),
  });
  return { accessToken, refreshToken };
}

/** Takes back tokens issued for a code that was presented twice (RFC 6749 §4.1.2). */
export function revokeVkIdTokens(ctx: SandboxContext, issued: { accessToken: string; refreshToken: string } | undefined): void {
  if (!issued) return;
  ctx.store.vk.tokens.delete(issued.accessToken);
  ctx.store.vk.refreshTokens.delete(issued.refreshToken);
}

/** VK ID's token answer, the same for a code exchange and a refresh. */
export function vkIdTokenBody(issued: { accessToken: string; refreshToken: string }, userId: number, state: string | undefined, scope: string): Record<string, unknown> {
  return {
    access_token: issued.accessToken,
    refresh_token: issued.refreshToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    user_id: userId,
    state,
    scope,
  };
}
