import express, { Router } from 'express';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../app/context';
import { isHttpUrl, renderConsentPage, renderErrorPage, withQuery } from '../http/consent-page';
import { parseBodies, RequestFields, requestFields, text } from '../http/request-body';
import { finish } from '../state/faults';
import type { OkUser, SandboxStore } from '../state/store';

/** OK's codes are good for two minutes. */
export const OK_CODE_TTL_SECONDS = 120;
/** A session token lives 30 minutes; with LONG_ACCESS_TOKEN, 30 days. The sandbox's OK tokens never expire by time. */
const SESSION_SECONDS = 1800;
const LONG_SECONDS = 30 * 24 * 3600;
const SERVICE = 'Одноклассники';
const REQUIRED = ['client_id', 'scope', 'response_type', 'redirect_uri'] as const;
/** OK's optional parameters, plus `login_hint`: the sandbox's way to preselect the account. */
const OPTIONAL = ['layout', 'state', 'login_hint'] as const;
const TOKEN_PARAMS = ['code', 'client_id', 'client_secret', 'redirect_uri', 'grant_type'];
const PERMISSION_NAMES: Record<string, string> = {
  VALUABLE_ACCESS: 'основной доступ к данным',
  LONG_ACCESS_TOKEN: 'долгий доступ (30 дней)',
  GROUP_CONTENT: 'управление группами',
  PHOTO_CONTENT: 'фотографии',
};

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  loginHint?: string;
  params: Record<string, string>;
}

/** Who may sign in: seeded OK users, then the owners of seeded tokens (with their group roles). */
export function okAccounts(store: SandboxStore): OkUser[] {
  const accounts = new Map<string, OkUser>(store.ok.users);
  for (const token of store.ok.tokens.values()) {
    if (store.ok.users.has(token.uid)) continue;
    const known = accounts.get(token.uid) ?? { uid: token.uid, name: token.name, roles: new Map<string, string>() };
    for (const [gid, role] of token.roles) known.roles.set(gid, role);
    accounts.set(token.uid, known);
  }
  return [...accounts.values()].sort((a, b) => a.uid.localeCompare(b.uid));
}

function parseAuthorizeRequest(ctx: SandboxContext, fields: RequestFields): AuthorizeRequest | { problem: string } {
  const known = new Set<string>([...REQUIRED, ...OPTIONAL, 'uid', 'decision']);
  const unknown = Object.keys(fields).find((k) => !known.has(k));
  if (unknown) return { problem: `Неизвестный параметр ${unknown}` };
  for (const name of REQUIRED) if (!text(fields, name)) return { problem: `Не передан обязательный параметр ${name}` };
  const app = ctx.store.ok.app;
  if (!app?.applicationId || app.applicationId !== text(fields, 'client_id')) {
    return { problem: `Приложение ${text(fields, 'client_id')} не найдено (в песочнице задайте ok.app.applicationId через /control/seed)` };
  }
  if (text(fields, 'response_type') !== 'code') return { problem: 'response_type должен быть code (песочница эмулирует серверную авторизацию)' };
  const scope = text(fields, 'scope') ?? '';
  if (!/^[A-Z_]+(;[A-Z_]+)*$/.test(scope)) return { problem: 'scope: права через «;», например VALUABLE_ACCESS;GROUP_CONTENT' };
  const layout = text(fields, 'layout');
  if (layout !== undefined && !['w', 'm', 'a'].includes(layout)) return { problem: 'layout должен быть w, m или a' };
  const redirectUri = text(fields, 'redirect_uri');
  if (!isHttpUrl(redirectUri)) return { problem: 'redirect_uri должен быть адресом http(s)' };
  const params: Record<string, string> = {};
  for (const name of [...REQUIRED, ...OPTIONAL]) {
    const value = text(fields, name);
    if (value !== undefined && name !== 'login_hint') params[name] = value;
  }
  return { clientId: app.applicationId, redirectUri, scope, state: text(fields, 'state'), loginHint: text(fields, 'login_hint'), params };
}

/**
 * OK server-side OAuth: `GET /ok/oauth/authorize` (consent page, its form posts back to the same
 * path and redirects with `code` and `state`) and `POST /ok/oauth/token.do` (code, client_id,
 * client_secret = the application secret key, redirect_uri, grant_type=authorization_code).
 */
export function okOauthRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.get('/authorize', (req: Request, res: Response) => {
    const request = parseAuthorizeRequest(ctx, requestFields(req));
    if ('problem' in request) return void res.status(400).type('html').send(renderErrorPage(SERVICE, request.problem));
    res.type('html').send(
      renderConsentPage({
        service: SERVICE,
        clientId: request.clientId,
        permissions: request.scope.split(';').map((p) => PERMISSION_NAMES[p] ?? p),
        action: `${req.baseUrl}/authorize`,
        hidden: request.params,
        accountField: 'uid',
        accounts: okAccounts(ctx.store).map((u) => ({ value: u.uid, label: `${u.name} (${u.uid})` })),
        selected: request.loginHint,
      }),
    );
  });

  router.post('/authorize', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
    const fields = requestFields(req);
    const request = parseAuthorizeRequest(ctx, fields);
    if ('problem' in request) return void res.status(400).type('html').send(renderErrorPage(SERVICE, request.problem));
    if (text(fields, 'decision') !== 'allow') return void res.redirect(302, withQuery(request.redirectUri, { error: 'access_denied', state: request.state }));
    const user = okAccounts(ctx.store).find((u) => u.uid === text(fields, 'uid'));
    if (!user) return void res.status(400).type('html').send(renderErrorPage(SERVICE, 'Выберите пользователя из списка (uid)'));
    const code = randomBytes(20).toString('hex');
    ctx.store.ok.authCodes.set(code, {
      code,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      scope: request.scope,
      uid: user.uid,
      name: user.name,
      roles: new Map(user.roles),
      expiresAt: ctx.clock.now() + OK_CODE_TTL_SECONDS * 1000,
    });
    res.redirect(302, withQuery(request.redirectUri, { code, state: request.state }));
  });

  router.post('/token.do', ...parseBodies, async (req: Request, res: Response) => {
    const fields = requestFields(req);
    const refuse = (error: string, description: string): void => void res.status(400).json({ error, error_description: description });
    const unknown = Object.keys(fields).find((k) => !TOKEN_PARAMS.includes(k));
    if (unknown) return refuse('invalid_request', `unknown parameter ${unknown}`);
    for (const name of TOKEN_PARAMS) if (!text(fields, name)) return refuse('invalid_request', `${name} is required`);
    if (text(fields, 'grant_type') !== 'authorization_code') return refuse('unsupported_grant_type', 'the sandbox emulates grant_type=authorization_code only');
    const fault = ctx.faults.take('ok', 'oauth/token.do', undefined);
    const faulted = await ctx.faults.applyBefore(fault, req, res, (f) => refuse(f.errorMessage ?? 'server_error', 'injected fault'));
    if (faulted) return;

    const result = exchangeCode(ctx, fields);
    if ('error' in result) return refuse(result.error, result.description);
    finish(fault, req, res, () => res.json(result.body));
  });
  return router;
}

function exchangeCode(ctx: SandboxContext, fields: RequestFields): { body: Record<string, unknown> } | { error: string; description: string } {
  const app = ctx.store.ok.app;
  if (!app?.applicationId || app.applicationId !== text(fields, 'client_id')) return { error: 'invalid_client', description: 'client_id is unknown' };
  if (app.applicationSecretKey !== text(fields, 'client_secret')) return { error: 'invalid_client', description: 'client_secret is invalid' };
  const record = ctx.store.ok.authCodes.get(text(fields, 'code') ?? '');
  if (!record) return { error: 'invalid_grant', description: 'code is invalid' };
  if (record.usedAt !== undefined) {
    if (record.issued) ctx.store.ok.tokens.delete(record.issued.accessToken);
    return { error: 'invalid_grant', description: 'code has already been used' };
  }
  const now = ctx.clock.now();
  if (now >= record.expiresAt) return { error: 'invalid_grant', description: 'code has expired' };
  if (record.redirectUri !== text(fields, 'redirect_uri')) return { error: 'invalid_grant', description: 'redirect_uri does not match the authorization request' };

  record.usedAt = now;
  const accessToken = `okat.${randomBytes(24).toString('hex')}`;
  const refreshToken = `okrt.${randomBytes(24).toString('hex')}`;
  ctx.store.ok.tokens.set(accessToken, { token: accessToken, uid: record.uid, name: record.name, roles: new Map(record.roles), expired: false });
  record.issued = { accessToken, refreshToken };
  const long = record.scope.split(';').includes('LONG_ACCESS_TOKEN');
  // OK sends expires_in as a string.
  return { body: { access_token: accessToken, token_type: 'session', refresh_token: refreshToken, expires_in: String(long ? LONG_SECONDS : SESSION_SECONDS) } };
}
