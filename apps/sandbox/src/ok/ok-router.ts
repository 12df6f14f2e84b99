import { Router } from 'express';
import type { Request, Response } from 'express';
import { baseUrlOf, SandboxContext } from '../app/context';
import { parseBodies, requestFields, text } from '../http/request-body';
import { finish } from '../state/faults';
import { expectedOkSignature, OK_COMMON_PARAMS, OK_METHODS, okErrorBody } from './ok-contract';
import { OK_METHOD_HANDLERS, OkFailure } from './ok-methods';

/** `/ok/fb.do`: GET or POST form, signed; errors as `{error_code, error_msg}` in HTTP 200. */
export function okRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.all('/fb.do', ...parseBodies, async (req: Request, res: Response) => {
    const raw = requestFields(req);
    const fail = (code: number, message: string): void => {
      res.json(okErrorBody(code, message));
    };
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value !== 'string') return fail(100, `PARAM : parameter ${key} must be passed once, as text`);
      fields[key] = value;
    }
    const method = fields['method'] ?? '';
    const contract = OK_METHODS[method];
    if (!contract) return fail(3, `METHOD : Method ${method || '(none)'} does not exist`);
    const app = ctx.store.ok.app;
    if (!app || fields['application_key'] !== app.applicationKey) return fail(101, 'PARAM_API_KEY : Application key is invalid');
    const accessToken = fields['access_token'];
    if (!accessToken) return fail(103, 'PARAM_SESSION_KEY : access_token is missing');
    const token = ctx.store.ok.tokens.get(accessToken);
    if (!token) return fail(103, 'PARAM_SESSION_KEY : Invalid session key');
    if (!fields['sig']) return fail(104, 'PARAM_SIGNATURE : sig is missing');
    if (fields['sig'].toLowerCase() !== expectedOkSignature(fields, accessToken, app.applicationSecretKey)) {
      return fail(104, 'PARAM_SIGNATURE : Invalid signature');
    }
    if (token.expired) return fail(102, 'PARAM_SESSION_EXPIRED : Session expired');
    if ((fields['format'] ?? '').toLowerCase() !== 'json') return fail(100, 'PARAM : format must be json (the sandbox answers JSON only)');
    for (const name of Object.keys(fields)) {
      if (!OK_COMMON_PARAMS.has(name) && !contract.required.includes(name) && !contract.optional.includes(name)) {
        return fail(100, `PARAM : Unknown parameter ${name} for ${method}`);
      }
    }
    const missing = contract.required.find((name) => !fields[name]);
    if (missing) return fail(100, `PARAM : Missing required parameter ${missing}`);

    const fault = ctx.faults.take('ok', method, text(fields, 'gid') ?? text(fields, 'group_id') ?? text(fields, 'uids'));
    const faulted = await ctx.faults.applyBefore(fault, req, res, (f) => fail(f.errorCode ?? 1, f.errorMessage ?? 'UNKNOWN : injected fault'));
    if (faulted) return;
    let result: { result: unknown } | OkFailure;
    try {
      result = OK_METHOD_HANDLERS[method](ctx, { fields, token, baseUrl: baseUrlOf(req), now: ctx.clock.now() });
    } catch (error) {
      result = { error: 1, message: `UNKNOWN : ${(error as Error).message}` };
    }
    finish(fault, req, res, () => {
      if ('error' in result) fail(result.error, result.message);
      else res.json(result.result);
    });
  });
  return router;
}
