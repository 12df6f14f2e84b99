/**
 * The sandbox's time. Tests freeze and advance it through the control API so that rate-limit
 * windows, token expiry and `retry_after` values are exact instead of racing the wall clock.
 */
export class SandboxClock {
  private frozenAt: number | null = null;
  private offsetMs = 0;

  now(): number {
    return (this.frozenAt ?? Date.now()) + this.offsetMs;
  }

  freeze(): void {
    this.frozenAt = Date.now();
  }

  unfreeze(): void {
    if (this.frozenAt !== null) this.offsetMs += this.frozenAt - Date.now();
    this.frozenAt = null;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  isFrozen(): boolean {
    return this.frozenAt !== null;
  }

  reset(): void {
    this.frozenAt = null;
    this.offsetMs = 0;
  }
}
