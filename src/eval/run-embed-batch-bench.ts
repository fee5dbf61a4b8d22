// `npm run bench:batch`: passages embedded per second in model calls of 8, 1 and 4 passages, two
// rounds in turn, on the first 300 CMRC 2018 dev paragraphs cut to the passage size and sorted by
// length as the build sorts them. It chose the build's EMBED_BATCH (`search/index/build-index.ts`).
import { resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import { loadConfig } from '../config.js';
import { DEFAULT_CHUNKING } from '../ingest/chunk-passages.js';
import { loadEmbedder } from '../search/embed/embedder.js';
import { CMRC_ATTRIBUTION, loadCmrc } from './cmrc-bench.js';

const BATCHES = [8, 1, 4];
const PASSAGES = 300;

runCli(async () => {
  const { files } = loadCmrc(resolve('../shared/bench'));
  const texts = [...new Set(files.slice(0, PASSAGES).map((f) => f.text.slice(0, DEFAULT_CHUNKING.maxChars)))].sort((a, b) => a.length - b.length);
  const embedder = await loadEmbedder(loadConfig([], {}).modelDir);
  await embedder.embedPassages(texts.slice(0, 4));
  console.log(`${texts.length} passages of ${CMRC_ATTRIBUTION}`);
  for (const round of [1, 2]) {
    for (const batch of BATCHES) {
      const started = performance.now();
      for (let k = 0; k < texts.length; k += batch) await embedder.embedPassages(texts.slice(k, k + batch));
      const seconds = (performance.now() - started) / 1000;
      console.log(`round ${round}, batch ${batch}: ${seconds.toFixed(1)} s, ${(texts.length / seconds).toFixed(1)} passages/s`);
    }
  }
});
