import { monitorEventLoopDelay } from "node:perf_hooks";

/** Watches this process's event loop; `stop()` gives the longest delay seen, in ms. */
export function watchEventLoop(): { stop(): number } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      return histogram.max / 1e6;
    },
  };
}
