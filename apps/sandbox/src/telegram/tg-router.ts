import { Router } from 'express';
import type { Request, Response } from 'express';
import type { SandboxContext } from '../app/context';
import { parseBodies, requestFields, requestFiles } from '../http/request-body';
import { arrivalOf } from '../http/arrival';
import { finish } from '../state/faults';
import type { TelegramFailure } from './tg-chat';
import { TELEGRAM_METHOD_HANDLERS } from './tg-methods';
import { checkTelegramParams } from './tg-params';

function sendFailure(res: Response, failure: TelegramFailure): void {
  res.status(failure.status).json({
    ok: false,
    error_code: failure.status,
    description: failure.description,
    ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
  });
}

/** `/telegram/bot{token}/{method}`: JSON, form or multipart; answers `{ok, result}` or `{ok:false, error_code, description}`. */
export function telegramRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.all(/^\/bot([^/]+)\/([^/]+)$/, ...parseBodies, async (req: Request, res: Response) => {
    const params = req.params as unknown as Record<string, string>;
    const token = decodeURIComponent(params['0'] ?? '');
    const method = params['1'] ?? '';
    const bot = ctx.store.telegram.bots.get(token);
    if (!bot) return sendFailure(res, { status: 401, description: 'Unauthorized' });
    const fields = ctx.specs.telegram.methods.get(method);
    const handler = TELEGRAM_METHOD_HANDLERS[method];
    if (!fields || !handler) {
      if (!fields && !ctx.specs.telegram.notEmulated.has(method)) return sendFailure(res, { status: 404, description: 'Not Found' });
      return sendFailure(res, { status: 400, description: `Bad Request: the sandbox does not emulate ${method}` });
    }

    const values = requestFields(req);
    const files = new Map(requestFiles(req).map((f) => [f.fieldname, f]));
    const problem = checkTelegramParams(ctx.specs.telegram, fields, values, new Set(files.keys()));
    if (problem) return sendFailure(res, { status: 400, description: problem });

    const fault = ctx.faults.take('telegram', method, values['chat_id'] === undefined ? undefined : String(values['chat_id']));
    const faulted = await ctx.faults.applyBefore(fault, req, res, (f) =>
      sendFailure(res, { status: f.errorCode ?? 400, description: f.errorMessage ?? 'Bad Request: injected fault', retryAfter: f.retryAfter }),
    );
    if (faulted) return;
    let result: { result: unknown } | TelegramFailure;
    try {
      result = handler(ctx, { bot, values, files, now: ctx.clock.now(), arrivedAt: arrivalOf(res, ctx.clock) });
    } catch (error) {
      result = { status: 500, description: `Internal Server Error: ${(error as Error).message}` };
    }
    finish(fault, req, res, () => {
      if ('description' in result) sendFailure(res, result);
      else res.json({ ok: true, result: result.result });
    });
  });
  return router;
}
