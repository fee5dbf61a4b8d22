// `npm run bench:batch`: passages embedded per second by each way of running the model
// (`embedding-ways.ts`: batch size, onnxruntime's memory arena, threads), two rounds in turn, on the
// first 300 CMRC 2018 dev paragraphs cut to the passage size and sorted by length as the build sorts
// them. It chose the build's EMBED_BATCH (`search/index/build-index.ts`) and its model settings.
import { resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import { loadConfig } from '../config.js';
import { DEFAULT_CHUNKING } from '../ingest/chunk-passages.js';
import { loadEmbedder } from '../search/embed/embedder.js';
import { CMRC_ATTRIBUTION, loadCmrc } from './cmrc-bench.js';
import { EMBEDDING_WAYS, secondsToEmbed } from './embedding-ways.js';

const PASSAGES = 300;

runCli(async () => {
  const { files } = loadCmrc(resolve('../shared/bench'));
  const texts = [...new Set(files.slice(0, PASSAGES).map((f) => f.text.slice(0, DEFAULT_CHUNKING.maxChars)))].sort((a, b) => a.length - b.length);
  const { modelDir } = loadConfig([], {});
  const models = await Promise.all(EMBEDDING_WAYS.map((way) => loadEmbedder(modelDir, way.settings)));
  for (const model of models) await model.embedPassages(texts.slice(0, 4));
  console.log(`${texts.length} passages of ${CMRC_ATTRIBUTION}`);
  for (const round of [1, 2]) {
    for (const [i, way] of EMBEDDING_WAYS.entries()) {
      const seconds = await secondsToEmbed(models[i], texts, way.batch);
      console.log(`round ${round}, ${way.label}: ${seconds.toFixed(1)} s, ${(texts.length / seconds).toFixed(1)} passages/s`);
    }
  }
});
