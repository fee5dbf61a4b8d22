// Indexing progress: a live bar (cli-progress) on a terminal, a line every ten percent otherwise.
import { SingleBar, Presets } from 'cli-progress';
import type { BuildProgress } from '../search/index/build-index.js';

export function progressReporter() {
  let bar: SingleBar | undefined;
  let lastTenth = -1;
  return {
    update(p: BuildProgress) {
      if (process.stderr.isTTY) {
        if (!bar) {
          bar = new SingleBar(
            { format: '[xunyuan] embedding {bar} {value}/{total} passages | {rate}/s | ETA {eta_formatted}', stream: process.stderr },
            Presets.shades_classic,
          );
          bar.start(p.total, p.done, { rate: '0' });
        }
        const elapsed = (Date.now() - (bar as unknown as { startTime: number }).startTime) / 1000;
        bar.update(p.done, { rate: elapsed > 0 ? ((p.done - p.cached) / elapsed).toFixed(1) : '0' });
        return;
      }
      const tenth = p.total ? Math.floor((p.done / p.total) * 10) : 10;
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        console.error(`[xunyuan] embedded ${p.done}/${p.total} passages (${p.cached} from cache)`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
