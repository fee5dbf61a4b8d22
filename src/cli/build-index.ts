// `npm run index`: build the index now (always rebuilds), with progress. The model runs in a worker
// thread, as for `npm start`: it embeds the passages found while the rest of the files are read.
import { AnswerEngine } from '../engine/answer-engine.js';
import { loadConfig } from '../config.js';
import { loadWorkerEmbedder } from '../search/embed/worker-embedder.js';
import { progressReporter } from './progress.js';
import { runCli } from './run-cli.js';

runCli(async () => {
  const config = loadConfig();
  const progress = progressReporter();
  const started = performance.now();
  const embedder = await loadWorkerEmbedder(config.modelDir);
  const engine = await AnswerEngine.open({ ...config, embedder, rebuild: true, log: (l) => console.error(`[xunyuan] ${l}`), onProgress: progress.update });
  progress.stop();
  await embedder.close?.();
  const seconds = (performance.now() - started) / 1000;
  console.error(`[xunyuan] ${engine.passageCount} passages indexed in ${seconds.toFixed(1)} s → ${config.indexDir}`);
});
