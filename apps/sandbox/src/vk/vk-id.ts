import { Router } from 'express';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../app/context';
import { parseBodies, requestFields, text } from '../http/request-body';
import { finish } from '../state/faults';

const ACCESS_TOKEN_TTL_SECONDS = 3600;
const ALLOWED = new Set(['grant_type', 'refresh_token', 'client_id', 'device_id', 'state', 'scope']);

/**
 * VK ID's token endpoint, refresh grant only: `POST /vk-id/oauth2/auth`. Refresh tokens rotate:
 * each is good for one use; reusing a spent one is refused with invalid_grant.
 */
export function vkIdRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.post('/oauth2/auth', ...parseBodies, async (req: Request, res: Response) => {
    const fields = requestFields(req);
    const state = text(fields, 'state');
    const refuse = (error: string, description: string, status = 400): void => {
      res.status(status).json({ error, error_description: description, state });
    };
    const unknown = Object.keys(fields).find((k) => !ALLOWED.has(k));
    if (unknown) return refuse('invalid_request', `unknown parameter ${unknown}`);
    if (text(fields, 'grant_type') !== 'refresh_token') return refuse('unsupported_grant_type', 'the sandbox emulates grant_type=refresh_token only');
    for (const name of ['refresh_token', 'client_id', 'device_id', 'state']) {
      if (!text(fields, name)) return refuse('invalid_request', `${name} is required`);
    }
    const fault = ctx.faults.take('vk-id', 'oauth2/auth', undefined);
    const faulted = await ctx.faults.applyBefore(fault, req, res, (f) => refuse(f.errorMessage ?? 'server_error', 'injected fault', f.status ?? 400));
    if (faulted) return;

    const stored = ctx.store.vk.refreshTokens.get(text(fields, 'refresh_token') ?? '');
    if (!stored) return refuse('invalid_grant', 'refresh token is invalid');
    if (stored.spentAt !== undefined) return refuse('invalid_grant', 'refresh token has already been used');
    if (stored.deviceId !== text(fields, 'device_id')) return refuse('invalid_grant', 'device_id does not match the refresh token');
    if (stored.clientId && stored.clientId !== text(fields, 'client_id')) return refuse('invalid_client', 'client_id does not match the refresh token');

    const now = ctx.clock.now();
    stored.spentAt = now;
    const accessToken = `vk1.a.${randomBytes(24).toString('hex')}`;
    const refreshToken = `vk2.r.${randomBytes(24).toString('hex')}`;
    ctx.store.vk.tokens.set(accessToken, {
      token: accessToken,
      userId: stored.userId,
      kind: 'user',
      adminLevels: new Map(stored.adminLevels),
      expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000,
    });
    ctx.store.vk.refreshTokens.set(refreshToken, { ...stored, token: refreshToken, spentAt: undefined, adminLevels: new Map(stored.adminLevels) });
    finish(fault, req, res, () =>
      res.json({
        access_token: accessToken,
        refresh_token: refreshToken,
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_TTL_SECONDS,
        user_id: stored.userId,
        state,
        scope: 'wall photos groups',
      }),
    );
  });
  return router;
}
