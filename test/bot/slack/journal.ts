/** An append-only list that can be awaited: `waitFor` finds an entry already there or the next one to come. */
export class Journal<T> {
  #entries: T[] = [];
  #waiters = new Set<{ matches: (entry: T) => boolean; resolve: (entry: T) => void; reject: (error: Error) => void }>();

  add(entry: T): void {
    this.#entries.push(entry);
    for (const waiter of this.#waiters) {
      if (waiter.matches(entry)) {
        this.#waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  }

  all(): T[] {
    return [...this.#entries];
  }

  clear(): void {
    this.#entries = [];
  }

  /** Fails every pending `waitFor` now (the fake is closing), so no timer outlives it. */
  cancelWaiters(reason: string): void {
    for (const waiter of this.#waiters) waiter.reject(new Error(reason));
    this.#waiters.clear();
  }

  /** `describe` runs only on timeout, so it can list everything that did arrive. */
  waitFor(matches: (entry: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    const found = this.#entries.find(matches);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        matches,
        resolve: (entry: T) => {
          clearTimeout(timer);
          resolve(entry);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(describe()));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }
}
