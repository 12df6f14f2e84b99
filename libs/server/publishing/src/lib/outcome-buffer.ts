/**
 * Answers waiting to be written, flushed as one group every `intervalMs` or at `maxRows`, and on
 * `drain` (the end of a pass, shutdown). A group is written by `write` in one transaction; one
 * group at a time, in arrival order. `push` resolves once its group is written (or its write has
 * failed: the claims are then left to their leases, which take them back as if the worker had died
 * between the answer and the write, so a failure never loses track of a publication).
 */
export class OutcomeBuffer<T> {
  private pending: { item: T; done: () => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (group: T[]) => Promise<void>,
    private readonly onFailure: (error: unknown, group: T[]) => void,
    private readonly intervalMs = 20,
    private readonly maxRows = 100,
  ) {}

  /** Adds one answer; resolves once the group holding it has been written. */
  push(item: T): Promise<void> {
    return new Promise((done) => {
      this.pending.push({ item, done });
      if (this.pending.length >= this.maxRows) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
    });
  }

  /** Writes what is waiting now (after any group being written); resolves when it is written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const group = this.pending.splice(0);
    if (group.length === 0) return this.writing;
    this.writing = this.writing.then(async () => {
      const items = group.map((g) => g.item);
      try {
        await this.write(items);
      } catch (e) {
        this.onFailure(e, items);
      }
      for (const g of group) g.done();
    });
    return this.writing;
  }

  /** How many answers wait for their group. */
  get size(): number {
    return this.pending.length;
  }
}
