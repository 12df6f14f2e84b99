import express, { Router } from 'express';
import type { Request, Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import type { SandboxContext } from '../app/context';
import { isHttpUrl, renderConsentPage, renderErrorPage, withQuery } from '../http/consent-page';
import { RequestFields, requestFields, text } from '../http/request-body';
import type { SandboxStore, VkIdUser } from '../state/store';
import { issueVkIdTokens, revokeVkIdTokens, VkIdGrantResult, vkIdTokenBody } from './vk-id-tokens';

/** VK ID's codes live 10 minutes; the redirect says so in `expires_in`. */
export const VK_ID_CODE_TTL_SECONDS = 600;
const SERVICE = 'VK ID';
const REQUIRED = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method'] as const;
/** VK ID's optional parameters, plus `login_hint`: the sandbox's way to preselect the account. */
const OPTIONAL = ['scope', 'prompt', 'provider', 'lang_id', 'scheme', 'login_hint'] as const;
/** VK ID: code_verifier is 43–128 characters of a-z, A-Z, 0-9, `_` and `-`; the S256 challenge is its base64url SHA-256. */
const PKCE_VALUE = /^[A-Za-z0-9_-]{43,128}$/;
const SCOPE_NAMES: Record<string, string> = {
  'vkid.personal_info': 'имя, фамилия, фото профиля',
  wall: 'стена (публикация записей)',
  photos: 'фотографии',
  groups: 'сообщества',
};

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scope: string;
  loginHint?: string;
  /** Everything the consent form must carry back. */
  params: Record<string, string>;
}

/** Who may sign in: seeded VK ID users, then the owners of seeded user tokens (with their rights). */
export function vkIdAccounts(store: SandboxStore): VkIdUser[] {
  const accounts = new Map<number, VkIdUser>(store.vk.users);
  for (const token of store.vk.tokens.values()) {
    if (token.kind !== 'user' || store.vk.users.has(token.userId)) continue;
    const known = accounts.get(token.userId) ?? { id: token.userId, name: `Пользователь id${token.userId}`, adminLevels: new Map<number, number>() };
    for (const [groupId, level] of token.adminLevels) known.adminLevels.set(groupId, Math.max(level, known.adminLevels.get(groupId) ?? 0));
    accounts.set(token.userId, known);
  }
  return [...accounts.values()].sort((a, b) => a.id - b.id);
}

function parseAuthorizeRequest(fields: RequestFields): AuthorizeRequest | { problem: string } {
  const known = new Set<string>([...REQUIRED, ...OPTIONAL, 'user_id', 'decision']);
  const unknown = Object.keys(fields).find((k) => !known.has(k));
  if (unknown) return { problem: `Неизвестный параметр ${unknown}` };
  for (const name of REQUIRED) if (!text(fields, name)) return { problem: `Не передан обязательный параметр ${name}` };
  if (text(fields, 'response_type') !== 'code') return { problem: 'response_type должен быть code' };
  if (text(fields, 'code_challenge_method')?.toLowerCase() !== 's256') return { problem: 'code_challenge_method должен быть S256' };
  const codeChallenge = text(fields, 'code_challenge') ?? '';
  if (!PKCE_VALUE.test(codeChallenge)) return { problem: 'code_challenge должен быть строкой base64url от SHA-256 (43–128 символов)' };
  const redirectUri = text(fields, 'redirect_uri');
  if (!isHttpUrl(redirectUri)) return { problem: 'redirect_uri должен быть адресом http(s)' };
  const params: Record<string, string> = {};
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const value = text(fields, name);
    if (value !== undefined && name !== 'login_hint') params[name] = value;
  }
  return {
    clientId: text(fields, 'client_id') ?? '',
    redirectUri,
    state: text(fields, 'state') ?? '',
    codeChallenge,
    scope: text(fields, 'scope') ?? 'vkid.personal_info',
    loginHint: text(fields, 'login_hint'),
    params,
  };
}

/**
 * `GET /vk-id/authorize`: the consent page for one of the seeded accounts. Its form posts back to
 * `POST /vk-id/authorize`, whose "Разрешить" redirects to
 * `redirect_uri?code&state&device_id&expires_in&type=code_v2` as VK ID does.
 */
export function vkIdAuthorizeRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.get('/authorize', (req: Request, res: Response) => {
    const request = parseAuthorizeRequest(requestFields(req));
    if ('problem' in request) return void res.status(400).type('html').send(renderErrorPage(SERVICE, request.problem));
    res.type('html').send(
      renderConsentPage({
        service: 'ВКонтакте',
        clientId: request.clientId,
        permissions: request.scope.split(/[\s,]+/).filter(Boolean).map((s) => SCOPE_NAMES[s] ?? s),
        action: `${req.baseUrl}/authorize`,
        hidden: request.params,
        accountField: 'user_id',
        accounts: vkIdAccounts(ctx.store).map((u) => ({ value: String(u.id), label: `${u.name} (id${u.id})` })),
        selected: request.loginHint,
      }),
    );
  });

  router.post('/authorize', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
    const fields = requestFields(req);
    const request = parseAuthorizeRequest(fields);
    if ('problem' in request) return void res.status(400).type('html').send(renderErrorPage(SERVICE, request.problem));
    if (text(fields, 'decision') !== 'allow') {
      return void res.redirect(302, withQuery(request.redirectUri, { error: 'access_denied', error_description: 'User denied access', state: request.state }));
    }
    const user = vkIdAccounts(ctx.store).find((u) => String(u.id) === text(fields, 'user_id'));
    if (!user) return void res.status(400).type('html').send(renderErrorPage(SERVICE, 'Выберите пользователя из списка (user_id)'));
    const code = `vk2.c.${randomBytes(24).toString('hex')}`;
    const deviceId = randomBytes(16).toString('base64url');
    ctx.store.vk.idCodes.set(code, {
      code,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      deviceId,
      scope: request.scope,
      userId: user.id,
      adminLevels: new Map(user.adminLevels),
      expiresAt: ctx.clock.now() + VK_ID_CODE_TTL_SECONDS * 1000,
    });
    res.redirect(
      302,
      withQuery(request.redirectUri, { code, state: request.state, device_id: deviceId, expires_in: String(VK_ID_CODE_TTL_SECONDS), type: 'code_v2' }),
    );
  });
  return router;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * `grant_type=authorization_code` of `POST /vk-id/oauth2/auth`: the code once, before it expires,
 * with the verifier of its S256 challenge and the client, redirect_uri and device_id it was issued for.
 */
export function authorizationCodeGrant(ctx: SandboxContext, fields: RequestFields): VkIdGrantResult {
  const verifier = text(fields, 'code_verifier') ?? '';
  if (!PKCE_VALUE.test(verifier)) return { error: 'invalid_request', description: 'code_verifier must be 43-128 characters of a-z, A-Z, 0-9, _ and -' };
  const record = ctx.store.vk.idCodes.get(text(fields, 'code') ?? '');
  if (!record) return { error: 'invalid_grant', description: 'code is invalid' };
  if (record.usedAt !== undefined) {
    revokeVkIdTokens(ctx, record.issued);
    return { error: 'invalid_grant', description: 'code has already been used' };
  }
  const now = ctx.clock.now();
  if (now >= record.expiresAt) return { error: 'invalid_grant', description: 'code has expired' };
  if (record.clientId !== text(fields, 'client_id')) return { error: 'invalid_grant', description: 'code was issued to another client_id' };
  if (record.redirectUri !== text(fields, 'redirect_uri')) return { error: 'invalid_grant', description: 'redirect_uri does not match the authorization request' };
  if (record.deviceId !== text(fields, 'device_id')) return { error: 'invalid_grant', description: 'device_id does not match the code' };
  if (s256(verifier) !== record.codeChallenge) return { error: 'invalid_grant', description: 'code_verifier does not match code_challenge' };

  record.usedAt = now;
  const issued = issueVkIdTokens(ctx, { userId: record.userId, deviceId: record.deviceId, clientId: record.clientId, adminLevels: record.adminLevels });
  record.issued = issued;
  return { body: vkIdTokenBody(issued, record.userId, text(fields, 'state'), record.scope) };
}
