import { Router } from 'express';
import type { Request, Response } from 'express';
import { baseUrlOf, SandboxContext } from '../app/context';
import { parseBodies, RequestFields, requestFields, text } from '../http/request-body';
import { arrivalOf } from '../http/arrival';
import { finish } from '../state/faults';
import { RATE_LIMITS } from '../state/rate-limits';
import type { VkAccessToken } from '../state/store';
import { VK_METHOD_HANDLERS, VkFailure } from './vk-methods';
import { checkVkParams } from './vk-params';

/** VK's error envelope: inside HTTP 200, with the request's parameters echoed minus the token. */
export function vkErrorBody(code: number, message: string, method: string, fields: RequestFields): object {
  const requestParams = [{ key: 'method', value: method }, { key: 'oauth', value: '1' }];
  for (const [key, value] of Object.entries(fields)) {
    if (key !== 'access_token') requestParams.push({ key, value: String(value) });
  }
  return { error: { error_code: code, error_msg: message, request_params: requestParams } };
}

/** `/vk/method/{method}`: GET or POST, form-encoded or multipart, never JSON. */
export function vkRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.all('/method/:method', ...parseBodies, async (req: Request, res: Response) => {
    const method = String(req.params['method']);
    const fields = requestFields(req);
    const fail = (code: number, message?: string): void => {
      res.json(vkErrorBody(code, message ?? ctx.specs.vk.errors.get(code) ?? 'Unknown error occurred', method, fields));
    };
    if (req.is('application/json')) return fail(8, 'Invalid request: JSON bodies are not accepted, use form encoding');
    const spec = ctx.specs.vk.methods.get(method);
    if (!spec && !ctx.specs.vk.notEmulated.has(method)) return fail(3, 'Unknown method passed');

    const token = tokenOf(req, fields);
    if (!token) return fail(5, 'User authorization failed: no access_token passed.');
    if (ctx.limits.hit(`vk:token:${token}`, RATE_LIMITS.vkRequestsPerSecond, 1000, 1, arrivalOf(res, ctx.clock)) > 0) {
      ctx.limits.refused('vk:6');
      return fail(6, 'Too many requests per second');
    }
    const access = ctx.store.vk.tokens.get(token);
    if (!access) return fail(5, 'User authorization failed: invalid access_token (4).');
    if (access.expiresAt !== null && access.expiresAt <= ctx.clock.now()) return fail(5, 'User authorization failed: access_token has expired.');
    if (!spec) return fail(1, `Unknown error occurred: the sandbox does not emulate ${method}`);
    if (access.kind === 'group' && !spec.tokenTypes.includes('group')) {
      return fail(27, 'Group authorization failed: method is unavailable with group auth.');
    }
    const paramsFields = { ...fields };
    delete paramsFields['access_token'];
    const problem = checkVkParams(spec, paramsFields);
    if (problem) return fail(problem.code, problem.message);

    const handler = VK_METHOD_HANDLERS[method];
    if (!handler) return fail(1, `Unknown error occurred: the sandbox does not emulate ${method}`);
    const target = text(fields, 'owner_id') ?? text(fields, 'group_id') ?? text(fields, 'group_ids');
    const fault = ctx.faults.take('vk', method, target);
    const faulted = await ctx.faults.applyBefore(fault, req, res, (f) => fail(f.errorCode ?? 1, f.errorMessage));
    if (faulted) return;
    let result: { response: unknown } | VkFailure;
    try {
      result = handler(ctx, { fields: paramsFields, token: access, baseUrl: baseUrlOf(req), now: ctx.clock.now() });
    } catch (error) {
      result = { error: 1, message: `Unknown error occurred: ${(error as Error).message}` };
    }
    finish(fault, req, res, () => {
      if ('error' in result) fail(result.error, result.message);
      else res.json({ response: result.response });
    });
  });
  return router;
}

function tokenOf(req: Request, fields: RequestFields): string | undefined {
  const header = req.get('authorization');
  const bearer = header && /^Bearer\s+(.+)$/i.exec(header)?.[1];
  return bearer || text(fields, 'access_token') || undefined;
}

export type { VkAccessToken };
