import express, { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { baseUrlOf, SandboxContext } from '../app/context';
import { arrivalOf } from '../http/arrival';
import { finish } from '../state/faults';
import { checkBotRate } from './max-chat';
import { MAX_ENDPOINTS, MaxEndpoint, MaxResult } from './max-methods';
import { maxUpload } from './max-upload';
import { checkQuery, codeForStatus, invalidToken, isFailure, MaxFailure, payloadError } from './max-wire';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Resolved =
  | { kind: 'endpoint'; endpoints: Partial<Record<HttpMethod, MaxEndpoint>>; key: string }
  | { kind: 'upload'; ticket: string }
  | { kind: 'not-emulated' }
  | { kind: 'unknown' };

const CHAT_ID = '-?\\d+';
/** The schema's pattern of a public link name. */
const CHAT_LINK = '@?[a-zA-Z][\\w-]*';

/** Paths of the MAX schema the sandbox does not emulate: a 400 saying so, not a 404 that reads like a typo. */
const NOT_EMULATED = [
  /^\/chats$/,
  new RegExp(`^/chats/${CHAT_ID}/(actions|pin|members|members/admins(/\\d+)?)$`),
  /^\/me\/commands$/,
  /^\/(subscriptions|answers|updates)$/,
  /^\/messages\/[^/]+(\/comments)?$/,
  /^\/videos\/[^/]+$/,
];

function resolve(path: string): Resolved {
  if (path === '/me') return { kind: 'endpoint', endpoints: MAX_ENDPOINTS.me, key: '' };
  if (path === '/messages') return { kind: 'endpoint', endpoints: MAX_ENDPOINTS.messages, key: '' };
  if (path === '/uploads') return { kind: 'endpoint', endpoints: MAX_ENDPOINTS.uploads, key: '' };
  const membership = new RegExp(`^/chats/(${CHAT_ID})/members/me$`).exec(path);
  if (membership) return { kind: 'endpoint', endpoints: MAX_ENDPOINTS.membership, key: membership[1] };
  const chat = new RegExp(`^/chats/(${CHAT_ID}|${CHAT_LINK})$`).exec(path);
  if (chat) return { kind: 'endpoint', endpoints: MAX_ENDPOINTS.chat, key: chat[1] };
  const upload = /^\/upload\/([A-Za-z0-9_-]+)$/.exec(path);
  if (upload) return { kind: 'upload', ticket: upload[1] };
  return NOT_EMULATED.some((p) => p.test(path)) ? { kind: 'not-emulated' } : { kind: 'unknown' };
}

export function sendMaxFailure(res: Response, failure: MaxFailure): void {
  res.status(failure.status).json({ code: failure.code, message: failure.message });
}

/** A request with a body MAX does not expect, or without the JSON body it does. */
function bodyProblem(req: Request, endpoint: MaxEndpoint): MaxFailure | null {
  const length = Number(req.get('content-length') ?? 0);
  const hasBody = length > 0 || req.get('transfer-encoding') !== undefined;
  if (!endpoint.body) return hasBody ? payloadError(`${endpoint.name} takes no request body`) : null;
  if (req.body === undefined) return payloadError('The request body must be JSON with "Content-Type: application/json"');
  return null;
}

/**
 * `/max/...`: the MAX Bot API (README beside this file). The token only in `Authorization`;
 * unknown paths 404, other methods 405, query and body checked before any fault or handler.
 */
export function maxRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb', strict: false }));
  router.use(async (req: Request, res: Response) => {
    const resolved = resolve(req.path);
    if (resolved.kind === 'unknown') return sendMaxFailure(res, { status: 404, code: 'not.found', message: `Path ${req.path} is not recognized` });
    if (resolved.kind === 'not-emulated') return sendMaxFailure(res, { status: 400, code: 'not.emulated', message: `The sandbox does not emulate ${req.method} ${req.path}` });
    if (resolved.kind === 'upload') return maxUpload(ctx, resolved.ticket, req, res);
    const endpoint = resolved.endpoints[req.method as HttpMethod];
    if (!endpoint) return sendMaxFailure(res, { status: 405, code: 'method.not.allowed', message: `Method ${req.method} is not allowed for ${req.path}` });

    if (req.query['access_token'] !== undefined) {
      return sendMaxFailure(res, { ...invalidToken, message: 'Access token in the query string is not supported: send it in the Authorization header' });
    }
    const bot = ctx.store.max.bots.get(req.get('authorization') ?? '');
    if (!bot) return sendMaxFailure(res, invalidToken);
    const limited = checkBotRate(ctx, bot, arrivalOf(res, ctx.clock));
    if (limited) return sendMaxFailure(res, limited);
    const query = checkQuery(endpoint.query, req.query as Record<string, unknown>);
    if (isFailure(query)) return sendMaxFailure(res, query);
    const badBody = bodyProblem(req, endpoint);
    if (badBody) return sendMaxFailure(res, badBody);

    const fault = ctx.faults.take('max', endpoint.name, query['chat_id'] ?? (resolved.key || undefined));
    const faulted = await ctx.faults.applyBefore(fault, req, res, (f) => {
      const status = f.errorCode ?? 500;
      sendMaxFailure(res, { status, code: f.errorKey ?? codeForStatus(status), message: f.errorMessage ?? 'Injected fault' });
    });
    if (faulted) return;
    let result: MaxResult;
    try {
      result = endpoint.handler(ctx, { bot, query, body: req.body, key: resolved.key, baseUrl: baseUrlOf(req), now: ctx.clock.now(), arrivedAt: arrivalOf(res, ctx.clock) });
    } catch (error) {
      result = { status: 500, code: 'internal.error', message: (error as Error).message };
    }
    finish(fault, req, res, () => (isFailure(result) ? sendMaxFailure(res, result) : res.json(result.body)));
  });
  // Bad JSON and oversized bodies answer in MAX's shape. Express knows an error handler by its four parameters.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  router.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    const status = error.status ?? 500;
    sendMaxFailure(res, status < 500 ? payloadError(`Invalid request body: ${error.message}`) : { status, code: 'internal.error', message: error.message });
  });
  return router;
}
