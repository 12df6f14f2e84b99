import type { RequestHandler, Response } from 'express';
import type { SandboxClock } from '../state/clock';

/**
 * Stamps when a request reached the sandbox (its headers), on the sandbox clock. A platform counts
 * a request against its rate when it arrives, not once its body has been read: a slow multipart
 * parse must not move a request later in the rate window than it came.
 */
export function stampArrival(clock: SandboxClock): RequestHandler {
  return (_req, res, next) => {
    res.locals['arrivedAt'] = clock.now();
    next();
  };
}

export function arrivalOf(res: Response, clock: SandboxClock): number {
  const at: unknown = res.locals['arrivedAt'];
  return typeof at === 'number' ? at : clock.now();
}
