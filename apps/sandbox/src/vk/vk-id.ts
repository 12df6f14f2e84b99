import { Router } from 'express';
import type { Request, Response } from 'express';
import type { SandboxContext } from '../app/context';
import { parseBodies, RequestFields, requestFields, text } from '../http/request-body';
import { finish } from '../state/faults';
import { authorizationCodeGrant, vkIdAuthorizeRouter } from './vk-id-authorize';
import { issueVkIdTokens, VkIdGrantResult, vkIdTokenBody } from './vk-id-tokens';

/** Parameters of each grant VK ID's token endpoint takes, the required ones first. */
const GRANTS: Record<string, { required: string[]; optional: string[] }> = {
  refresh_token: { required: ['refresh_token', 'client_id', 'device_id', 'state'], optional: ['scope'] },
  authorization_code: { required: ['code', 'code_verifier', 'client_id', 'device_id', 'redirect_uri', 'state'], optional: [] },
};

/**
 * VK ID: the consent page (`/authorize`, see vk-id-authorize.ts) and the token endpoint
 * `POST /vk-id/oauth2/auth` with `grant_type=authorization_code` (PKCE S256, single-use codes) and
 * `grant_type=refresh_token`. Refresh tokens rotate: each is good for one use; reusing a spent one
 * is refused with invalid_grant.
 */
export function vkIdRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.use(vkIdAuthorizeRouter(ctx));
  router.post('/oauth2/auth', ...parseBodies, async (req: Request, res: Response) => {
    const fields = requestFields(req);
    const state = text(fields, 'state');
    const refuse = (error: string, description: string, status = 400): void => {
      res.status(status).json({ error, error_description: description, state });
    };
    const grantType = text(fields, 'grant_type') ?? '';
    const grant = GRANTS[grantType];
    if (!grant) return refuse('unsupported_grant_type', 'the sandbox emulates grant_type=authorization_code and refresh_token');
    const unknown = Object.keys(fields).find((k) => k !== 'grant_type' && !grant.required.includes(k) && !grant.optional.includes(k));
    if (unknown) return refuse('invalid_request', `unknown parameter ${unknown}`);
    for (const name of grant.required) {
      if (!text(fields, name)) return refuse('invalid_request', `${name} is required`);
    }
    const fault = ctx.faults.take('vk-id', 'oauth2/auth', undefined);
    const faulted = await ctx.faults.applyBefore(fault, req, res, (f) => refuse(f.errorMessage ?? 'server_error', 'injected fault', f.status ?? 400));
    if (faulted) return;

    const result = grantType === 'authorization_code' ? authorizationCodeGrant(ctx, fields) : refreshGrant(ctx, fields);
    if ('error' in result) return refuse(result.error, result.description);
    finish(fault, req, res, () => res.json(result.body));
  });
  return router;
}

function refreshGrant(ctx: SandboxContext, fields: RequestFields): VkIdGrantResult {
  const stored = ctx.store.vk.refreshTokens.get(text(fields, 'refresh_token') ?? '');
  if (!stored) return { error: 'invalid_grant', description: 'refresh token is invalid' };
  if (stored.spentAt !== undefined) return { error: 'invalid_grant', description: 'refresh token has already been used' };
  if (stored.deviceId !== text(fields, 'device_id')) return { error: 'invalid_grant', description: 'device_id does not match the refresh token' };
  if (stored.clientId && stored.clientId !== text(fields, 'client_id')) return { error: 'invalid_client', description: 'client_id does not match the refresh token' };

  stored.spentAt = ctx.clock.now();
  const issued = issueVkIdTokens(ctx, { userId: stored.userId, deviceId: stored.deviceId, clientId: stored.clientId, adminLevels: stored.adminLevels });
  return { body: vkIdTokenBody(issued, stored.userId, text(fields, 'state'), 'wall photos groups') };
}
