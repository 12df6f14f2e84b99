const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A worker's lanes: at most `size` publications worked on at once. Waiting for a pace slot gives
 * the lane up (up to `maxWaiting` waiters), so one busy token, bot or chat cannot hold every lane
 * asleep while other pages could go now; a waiter that wakes gets the next free lane first.
 */
export class Lanes {
  private free: number;
  private waiting = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    size: number,
    private readonly maxWaiting: number,
  ) {
    this.free = size;
  }

  async acquire(first = false): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => (first ? this.queue.unshift(resolve) : this.queue.push(resolve)));
  }

  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.free += 1;
  }

  /** Called by a lane holder: sleeps `ms` without holding the lane (unless too many already wait), then takes a lane again. */
  async pause(ms: number): Promise<void> {
    if (this.waiting >= this.maxWaiting) return sleep(ms);
    this.waiting += 1;
    this.release();
    try {
      await sleep(ms);
    } finally {
      this.waiting -= 1;
      await this.acquire(true);
    }
  }
}
