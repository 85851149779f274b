import { performance } from 'node:perf_hooks';

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Milliseconds one call takes. For long runs, collect first (where exposed) so that one run does not
 * pay for the garbage of the last. Not for short ones: a full collection shrinks the heap, and the
 * next few milliseconds of work then pay to grow it again (a 10 ms run measured 50 ms that way).
 */
export function time(run: () => unknown, collectFirst = false): number {
  if (collectFirst) globalThis.gc?.();
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Keeps the highest resident set size seen; maxRSS covers the whole process, samples show when. */
export class RssSampler {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(everyMs = 5): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  /** Synchronous work starves the interval, so the bench also samples between runs. */
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

export const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;
