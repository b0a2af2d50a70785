// Work that runs several at a time but is reported in the order it was started: each pushed item is
// emitted once it and every item before it have finished. At most `limit` busy items run at once;
// push() waits while that many are running (and while too many finished ones wait for a slow one).

interface Slot<T> {
  settled: boolean;
  value?: T;
  error?: unknown;
  failed: boolean;
  promise: Promise<void>;
}

export class OrderedWindow<T> {
  private readonly slots: Slot<T>[] = [];
  private busy = 0;

  /**
   * `limit`: busy items at once (at least 1). `emit`: called in push order; an error it throws
   * comes out of the push() or drain() that called it. `maxWaiting`: items held at most.
   */
  constructor(private readonly limit: number, private readonly emit: (value: T) => void, private readonly maxWaiting = 256) {
    this.limit = Math.max(1, Math.floor(limit) || 1);
  }

  /** Adds an item: a value that is ready, or a promise (busy until it settles). */
  async push(work: T | Promise<T>): Promise<void> {
    const slot: Slot<T> = { settled: false, failed: false, promise: Promise.resolve() };
    if (work instanceof Promise) {
      this.busy++;
      slot.promise = work.then(
        (v) => { slot.value = v; },
        (e) => { slot.error = e; slot.failed = true; },
      ).finally(() => { slot.settled = true; this.busy--; });
    } else {
      slot.value = work;
      slot.settled = true;
    }
    this.slots.push(slot);
    this.flush();
    while (this.busy >= this.limit || this.slots.length >= this.maxWaiting) {
      const running = this.slots.filter((s) => !s.settled).map((s) => s.promise);
      // Waiting on too many finished items: only the first (still running) one frees them.
      await (this.busy >= this.limit ? Promise.race(running) : this.slots[0].promise);
      this.flush();
    }
  }

  /** Waits for everything and emits the rest. */
  async drain(): Promise<void> {
    while (this.slots.length) {
      await this.slots[0].promise;
      this.flush();
    }
  }

  /** How many items run now. */
  get running(): number {
    return this.busy;
  }

  private flush(): void {
    while (this.slots.length && this.slots[0].settled) {
      const slot = this.slots.shift()!;
      if (slot.failed) throw slot.error;
      this.emit(slot.value as T);
    }
  }
}
