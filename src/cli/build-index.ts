// `npm run index`: build the index now (always rebuilds), with progress.
import { AnswerEngine } from '../engine/answer-engine.js';
import { loadConfig } from '../config.js';
import { progressReporter } from './progress.js';
import { runCli } from './run-cli.js';

runCli(async () => {
  const config = loadConfig();
  const progress = progressReporter();
  const started = performance.now();
  const engine = await AnswerEngine.open({ ...config, rebuild: true, log: (l) => console.error(`[xunyuan] ${l}`), onProgress: progress.update });
  progress.stop();
  const seconds = (performance.now() - started) / 1000;
  console.error(`[xunyuan] ${engine.passageCount} passages indexed in ${seconds.toFixed(1)} s → ${config.indexDir}`);
});
