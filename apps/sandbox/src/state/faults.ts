import type { Request, Response } from 'express';

export type FaultPlatform = 'vk' | 'vk-id' | 'ok' | 'telegram' | 'max';

/**
 * - `error`: answer with the platform's error (VK/OK error code in HTTP 200, Telegram error_code, MAX HTTP status with `{code, message}`);
 * - `http`: answer with a bare HTTP status (default 502) and no platform body;
 * - `delay`: wait, then handle the request normally (slowness; a client timeout then races a stored post);
 * - `drop_after_store`: handle the request fully, then destroy the socket without answering (or, with
 *   `status`, answer that bare status instead: a proxy's 502 after the platform stored the post).
 * Any kind with `delayMs` waits first, then does what its kind says (a late error, a late refusal).
 * A waiting request is "held": `release` lets it go on at once, so a test decides when an answer arrives.
 */
export type FaultKind = 'error' | 'http' | 'delay' | 'drop_after_store';

export interface FaultSpec {
  platform: FaultPlatform;
  kind: FaultKind;
  /** Only this method (VK `wall.post`, OK `mediatopic.post`, Telegram `sendMessage`, VK ID `oauth2/auth`, OK `oauth/token.do`, MAX `POST /messages`). */
  method?: string;
  /** Only this community / group / chat (as the request names it). */
  target?: string;
  /** How many matching requests it hits; default 1. */
  times?: number;
  errorCode?: number;
  errorMessage?: string;
  /** MAX: the error's `code` (`attachment.not.ready`…); by default one that fits the status. */
  errorKey?: string;
  /** Telegram 429: the `retry_after` to send. */
  retryAfter?: number;
  status?: number;
  /** Wait this long before acting (default 1000 for `delay`; none for the other kinds). */
  delayMs?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  remaining: number;
}

const KINDS: readonly FaultKind[] = ['error', 'http', 'delay', 'drop_after_store'];
const PLATFORMS: readonly FaultPlatform[] = ['vk', 'vk-id', 'ok', 'telegram', 'max'];

export class FaultRegistry {
  private faults: Fault[] = [];
  private counter = 0;
  /** Bumped by `clear()` (control reset): requests still sleeping in a delay fault are then dropped. */
  private epoch = 0;
  /** Wake-ups of the requests waiting in a fault's delay, by fault id. */
  private readonly held = new Map<string, Set<() => void>>();

  add(spec: FaultSpec): Fault {
    if (!PLATFORMS.includes(spec.platform)) throw new Error(`platform must be one of ${PLATFORMS.join(', ')}`);
    if (!KINDS.includes(spec.kind)) throw new Error(`kind must be one of ${KINDS.join(', ')}`);
    if (spec.kind === 'error' && spec.errorCode === undefined) throw new Error('an error fault needs errorCode');
    if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0)) throw new Error('delayMs must be a number of milliseconds, 0 or more');
    this.counter += 1;
    const fault: Fault = { ...spec, id: `fault-${this.counter}`, remaining: Math.max(1, spec.times ?? 1) };
    this.faults.push(fault);
    return fault;
  }

  /** Takes (and counts down) the first fault matching this request. */
  take(platform: FaultPlatform, method: string, target: string | undefined): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.platform === platform &&
        (f.method === undefined || f.method === method) &&
        (f.target === undefined || normalizeTarget(f.target) === normalizeTarget(target ?? '')),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  clear(): void {
    this.faults = [];
    this.epoch += 1;
    this.release();
  }

  /** Lets the requests waiting in a delay go on now: those of fault `id`, or all. Answers how many. */
  release(id?: string): number {
    let released = 0;
    for (const [faultId, wakeUps] of [...this.held]) {
      if (id !== undefined && faultId !== id) continue;
      for (const wake of [...wakeUps]) {
        wake();
        released += 1;
      }
    }
    return released;
  }

  /** How many requests wait in a delay now. */
  heldCount(): number {
    let count = 0;
    for (const wakeUps of this.held.values()) count += wakeUps.size;
    return count;
  }

  /**
   * Answers with the request's fault if it short-circuits; returns true when the request was handled.
   * A delay (kind `delay`, or `delayMs` on any kind) is waited out first, or until released;
   * `delay` then lets the request continue; `drop_after_store` is applied later by `finish`.
   */
  async applyBefore(fault: Fault | undefined, req: Request, res: Response, platformError: (fault: Fault) => void): Promise<boolean> {
    if (!fault) return false;
    const delayMs = fault.delayMs ?? (fault.kind === 'delay' ? 1000 : 0);
    if (delayMs > 0) {
      const epoch = this.epoch;
      await this.hold(fault.id, delayMs);
      // A reset happened meanwhile: this request belongs to a world that no longer exists.
      if (epoch !== this.epoch) {
        req.socket.destroy();
        return true;
      }
    }
    if (fault.kind === 'http') {
      res.status(fault.status ?? 502).type('text/html').send(`<html><body>${fault.status ?? 502} Bad Gateway</body></html>`);
      return true;
    }
    if (fault.kind === 'error') {
      platformError(fault);
      return true;
    }
    return false;
  }

  /** Waits `ms`, or less when released. */
  private hold(faultId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wakeUps = this.held.get(faultId) ?? new Set<() => void>();
      this.held.set(faultId, wakeUps);
      const wake = () => {
        clearTimeout(timer);
        wakeUps.delete(wake);
        if (wakeUps.size === 0) this.held.delete(faultId);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakeUps.add(wake);
    });
  }
}

/** `-123`, `123`, `@name` and `name` all name the same target. */
function normalizeTarget(target: string): string {
  return target.trim().replace(/^[-@]/, '').toLowerCase();
}

/** Sends the answer, unless the fault says to drop the connection after the work was done. */
export function finish(fault: Fault | undefined, req: Request, res: Response, send: () => void): void {
  if (fault?.kind === 'drop_after_store') {
    if (fault.status !== undefined) res.status(fault.status).type('text/html').send(`<html><body>${fault.status} Bad Gateway</body></html>`);
    else req.socket.destroy();
    return;
  }
  send();
}
