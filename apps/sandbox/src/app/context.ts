import type { Request } from 'express';
import type { PlatformSpecs } from '../specs/load-specs';
import type { SandboxClock } from '../state/clock';
import type { FaultRegistry } from '../state/faults';
import type { RateLimiter } from '../state/rate-limits';
import type { SandboxStore } from '../state/store';

/** What every area of the sandbox shares. */
export interface SandboxContext {
  specs: PlatformSpecs;
  store: SandboxStore;
  clock: SandboxClock;
  limits: RateLimiter;
  faults: FaultRegistry;
}

/** The sandbox's own base URL as the client reached it, so upload URLs point back at us. */
export function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
