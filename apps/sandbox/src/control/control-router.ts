import express, { Router } from 'express';
import type { Response } from 'express';
import type { SandboxContext } from '../app/context';
import type { FaultSpec } from '../state/faults';
import { feedFor } from './posts';
import { applySeed, SeedError, SeedRequest } from './seed';

function badRequest(res: Response, message: string): void {
  res.status(400).json({ error: message });
}

/**
 * The test-facing control API (JSON):
 * - `POST /reset` — forget everything (state, faults, rate-limit windows, clock);
 * - `POST /seed` — add communities, groups, channels, bots and tokens (see `SeedRequest`);
 * - `POST /vk/expire-token` `{token}` — make a VK access token expire now;
 * - `POST /faults` (a `FaultSpec`), `GET /faults` (with `held`: requests waiting in a delay), `DELETE /faults`;
 * - `POST /faults/release` `{id?}` — lets the requests held by fault `id` (or all) go on now;
 * - `PUT /rate-limits` `{enabled}` — the load benchmark switches them off; `GET /rate-limits` →
 *   `{enabled, refused: {'vk:6'?: n, 'telegram:429'?: n}}`, the requests refused for a rate since the reset;
 * - `POST /clock` `{freeze?, advanceSeconds?}` — freeze or move the sandbox's time;
 * - `GET /posts/:platform/:target[?includeDeleted=1]` — stored posts with their attachments;
 * - `GET /oauth/issued` — tokens handed out through VK ID and OK OAuth codes (tests look for leaks).
 */
export function controlRouter(ctx: SandboxContext): Router {
  const router = Router();
  router.use(express.json({ limit: '5mb' }));

  router.post('/reset', (_req, res) => {
    ctx.store.reset();
    ctx.faults.clear();
    ctx.limits.reset();
    ctx.clock.reset();
    res.json({ ok: true });
  });

  router.post('/seed', (req, res) => {
    try {
      applySeed(ctx, (req.body ?? {}) as SeedRequest);
      res.json({ ok: true });
    } catch (error) {
      if (error instanceof SeedError) return badRequest(res, error.message);
      throw error;
    }
  });

  router.post('/vk/expire-token', (req, res) => {
    const token = ctx.store.vk.tokens.get(String(req.body?.token ?? ''));
    if (!token) return badRequest(res, 'unknown VK token');
    token.expiresAt = ctx.clock.now() - 1;
    res.json({ ok: true });
  });

  router.post('/faults', (req, res) => {
    try {
      res.json({ ok: true, fault: ctx.faults.add(req.body as FaultSpec) });
    } catch (error) {
      badRequest(res, (error as Error).message);
    }
  });
  router.get('/faults', (_req, res) => {
    res.json({ faults: ctx.faults.list(), held: ctx.faults.heldCount() });
  });
  router.post('/faults/release', (req, res) => {
    const id: unknown = req.body?.id;
    if (id !== undefined && typeof id !== 'string') return badRequest(res, 'id must be a fault id such as "fault-1"');
    res.json({ ok: true, released: ctx.faults.release(id) });
  });
  router.delete('/faults', (_req, res) => {
    ctx.faults.clear();
    res.json({ ok: true });
  });

  router.get('/rate-limits', (_req, res) => {
    res.json({ enabled: ctx.limits.enabled, refused: ctx.limits.refusalCounts() });
  });

  router.put('/rate-limits', (req, res) => {
    if (typeof req.body?.enabled !== 'boolean') return badRequest(res, 'enabled (boolean) is required');
    ctx.limits.enabled = req.body.enabled;
    res.json({ ok: true, enabled: ctx.limits.enabled });
  });

  router.post('/clock', (req, res) => {
    const { freeze, advanceSeconds } = (req.body ?? {}) as { freeze?: boolean; advanceSeconds?: number };
    if (freeze === true) ctx.clock.freeze();
    if (freeze === false) ctx.clock.unfreeze();
    if (typeof advanceSeconds === 'number') ctx.clock.advance(advanceSeconds * 1000);
    res.json({ ok: true, now: new Date(ctx.clock.now()).toISOString(), frozen: ctx.clock.isFrozen() });
  });

  router.get('/posts/:platform/:target', (req, res) => {
    const feed = feedFor(ctx, String(req.params['platform']), String(req.params['target']));
    if (!feed) return void res.status(404).json({ error: 'unknown community, group or channel' });
    const includeDeleted = req.query['includeDeleted'] === '1';
    res.json({ ...feed, posts: includeDeleted ? feed.posts : feed.posts.filter((p) => !p.deletedAt) });
  });

  router.get('/oauth/issued', (_req, res) => {
    res.json({
      vk: [...ctx.store.vk.idCodes.values()].filter((c) => c.issued).map((c) => ({ userId: c.userId, deviceId: c.deviceId, ...c.issued })),
      ok: [...ctx.store.ok.authCodes.values()].filter((c) => c.issued).map((c) => ({ uid: c.uid, ...c.issued })),
    });
  });

  return router;
}
