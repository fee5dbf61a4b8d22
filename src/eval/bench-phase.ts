// One measured phase of `npm run bench` and `npm run bench:scale`, in its own process so that its peak
// memory is its own. Arguments: phase, index folder, corpus folder, questions (a JSON list of strings).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { AnswerEngine } from '../engine/answer-engine.js';
import { loadConfig } from '../config.js';
import { readCorpus } from '../ingest/read-corpus.js';
import { documentOf } from '../ingest/document-of.js';
import { loadEmbedder } from '../search/embed/embedder.js';
import { loadWorkerEmbedder } from '../search/embed/worker-embedder.js';
import { CANDIDATE_DEPTH } from '../search/knobs.js';
import { EMBEDDING_WAYS, secondsToEmbed } from './embedding-ways.js';
import { embeddingText, queryEmbeddingText } from '../search/embed/embedding-text.js';
import type { Embedder } from '../search/embed/embedder.js';
import { backendOfBuild } from '../search/index/backends.js';
import { loadCurrentIndex } from '../search/index/index-store.js';
import { ensureJiebaLoaded } from '../search/tokenize/jieba-dictionary.js';
import { derivedEmbedder, readPoolVectors } from './derived-embedder.js';

const [phase, indexDir, corpusDir, questionsFile] = process.argv.slice(2);
/** The file the update phase adds; removed again at its end, so the folder is as it was for the next backend. */
const ADDED_FILE = 'bench-added-file.md';
const { modelDir, indexBackend } = loadConfig([]);
/**
 * BENCH_OBJECT_STORE (an `s3://` URL on the bench's s3rver): the writer's phases keep the index there,
 * and the serving phase is a replica with an empty folder of its own, reading it from there.
 */
const objectStore = process.env.BENCH_OBJECT_STORE;
const onStore = objectStore ? { objectStore } : {};
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const seconds = (since: number) => (performance.now() - since) / 1000;
const report = (figures: Record<string, unknown>) => console.log(JSON.stringify({ ...figures, peakRssMb: peakMb() }));
/** Seconds the build's own thread spent deriving vectors (BENCH_VECTORS); the model runs in its worker. */
let derivingSeconds = 0;
/**
 * BENCH_VECTORS (the pool's vectors, derived-embedder.ts): passages get derived vectors instead of the
 * model's, computed on the build's thread and timed. Otherwise the model, in a worker thread as `npm
 * start` and `npm run index` run it.
 */
const buildEmbedder = async (): Promise<Embedder> => {
  if (!process.env.BENCH_VECTORS) return loadWorkerEmbedder(modelDir);
  const derived = derivedEmbedder(await loadEmbedder(modelDir), readPoolVectors(process.env.BENCH_VECTORS));
  return {
    ...derived,
    // Its work is done within the call (the promise it returns is settled): that is what is timed.
    embedPassages: (texts) => {
      const started = performance.now();
      const vectors = derived.embedPassages(texts);
      derivingSeconds += seconds(started);
      return vectors;
    },
  };
};
/** Questions whose vector-side top 10 is compared, ANN against exact. */
const RECALL_QUESTIONS = 50;

if (phase === 'build') {
  // As `npm start` does before it builds (and the update phase below): loading jieba's dictionary
  // (0.6 s) is no part of the build.
  ensureJiebaLoaded();
  const embedder = await buildEmbedder();
  const started = performance.now();
  // The model embeds while the files are read (`EmbeddingQueue`); what is left once its last vector is
  // in (indexing, saving) is what the build adds after it.
  let lastVector = started;
  const onProgress = () => (lastVector = performance.now());
  const engine = await AnswerEngine.open({ corpusDir, indexDir, indexBackend, modelDir, embedder, rebuild: true, onProgress, ...onStore });
  const took = seconds(started);
  report({
    passages: engine.passageCount,
    embedded: engine.buildReport?.embedded ?? 0,
    buildSeconds: took,
    afterLastVectorSeconds: seconds(lastVector),
    ...(process.env.BENCH_VECTORS ? { withoutDerivingSeconds: took - derivingSeconds } : {}),
    passagesPerSecond: engine.passageCount / took,
  });
} else if (phase === 'first') {
  // A first start as `npm start` makes it: serving by keyword once the files are read, the model
  // embedding behind. How soon the first question is answered, and how soon the complete index serves.
  const started = performance.now();
  const engine = await AnswerEngine.open({ corpusDir, indexDir, indexBackend, modelDir, serveWhileBuilding: true });
  const servingSeconds = seconds(started);
  const [question] = JSON.parse(readFileSync(questionsFile, 'utf8')) as string[];
  const first = await engine.ask({ question });
  const firstAnswerSeconds = seconds(started);
  await engine.whenBuilt();
  report({ servingSeconds, firstAnswerSeconds, answered: first.answer !== null, keywordOnly: first.indexing !== undefined, completeSeconds: seconds(started) });
} else if (phase === 'embed') {
  // The model alone on what a build sends it (each distinct passage text once, in the same
  // length-sorted order), run each way `embedding-ways.ts` lists; the fastest is the baseline.
  const texts = [...new Set((await readCorpus(corpusDir)).flatMap((f) => documentOf(f).passages).map(embeddingText))].sort(
    (a, b) => a.length - b.length,
  );
  let fastest = { way: '', took: Infinity };
  for (const way of EMBEDDING_WAYS) {
    const took = await secondsToEmbed(await loadEmbedder(modelDir, way.settings), texts, way.batch);
    console.error(`[bench:embed] ${way.label}: ${took.toFixed(1)} s`);
    if (took < fastest.took) fastest = { way: way.label, took };
  }
  report({ texts: texts.length, embedSeconds: fastest.took, textsPerSecond: texts.length / fastest.took, fastestWay: fastest.way });
} else if (phase === 'update') {
  // Re-indexing after one new file: what watch mode and an upload cost on this corpus.
  const engine = await AnswerEngine.open({ corpusDir, indexDir, indexBackend, modelDir, embedder: await buildEmbedder(), ...onStore });
  // As `npm start` does at start: loading jieba's dictionary (0.75 s) is no part of a re-index.
  ensureJiebaLoaded();
  writeFileSync(join(corpusDir, ADDED_FILE), '# 新增文件\n\n这是基准测试在索引建成之后新加入的一个文件，用来测量增量索引的耗时。\n');
  // The longest the event loop was held during the re-index: how long a request could have waited.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const update = await engine.refresh();
  const refreshSeconds = seconds(started);
  delay.disable();
  rmSync(join(corpusDir, ADDED_FILE));
  report({ refreshSeconds, longestPauseMs: delay.max / 1e6, embedded: update.embedded, added: update.added, unchanged: update.unchanged });
} else if (phase === 'recall') {
  // The vector side's recall@10: the backend's search (LanceDB's ANN index from 100,000 passages)
  // against an exact scan of every stored vector, for the first RECALL_QUESTIONS questions.
  const loaded = await loadCurrentIndex(indexDir, backendOfBuild);
  if ('reason' in loaded) throw new Error(loaded.reason);
  const { corpus, dimensions, search } = loaded.index;
  const ids: string[] = [];
  const rows: Float32Array[] = [];
  for (const d of corpus.documents) {
    for (const p of corpus.passagesOf(d.id)) ids.push(p.id);
    rows.push(corpus.vectorsOf(d.id));
  }
  const vectors = new Float32Array(ids.length * dimensions);
  rows.reduce((at, r) => (vectors.set(r, at), at + r.length), 0);
  const model = await loadEmbedder(modelDir);
  const questions = (JSON.parse(readFileSync(questionsFile, 'utf8')) as string[]).slice(0, RECALL_QUESTIONS);
  let found = 0;
  for (const q of questions) {
    const [query] = await model.embedQueries([queryEmbeddingText(q)]);
    const scores = new Float32Array(ids.length);
    for (let row = 0; row < ids.length; row++) {
      let dot = 0;
      for (let i = 0; i < dimensions; i++) dot += query[i] * vectors[row * dimensions + i];
      scores[row] = dot;
    }
    const exact = new Set([...scores.keys()].sort((a, b) => scores[b] - scores[a]).slice(0, 10).map((row) => ids[row]));
    // As a question searches: for the engine's candidates, of which the first 10 are compared.
    const approximate = (await search.vectorSearch({ vector: query, limit: CANDIDATE_DEPTH })).slice(0, 10);
    found += approximate.filter((h) => exact.has(h.id)).length;
  }
  report({ recallAt10: found / (10 * questions.length), questions: questions.length, passages: ids.length });
} else {
  const started = performance.now();
  // The model in a worker thread, as `npm start` runs it: a question's keyword side is searched while
  // its vector is computed. Cache off: the latency measured includes embedding every query.
  const embedder = await loadWorkerEmbedder(modelDir);
  const engine = objectStore
    ? await AnswerEngine.openReplica({ corpusDir, indexDir: mkdtempSync(join(dirname(indexDir), 'replica-')), objectStore, indexBackend, modelDir, embedder, queryCacheSize: 0 })
    : await AnswerEngine.open({ corpusDir, indexDir, indexBackend, modelDir, embedder, queryCacheSize: 0 });
  const loadSeconds = seconds(started);
  const questions = JSON.parse(readFileSync(questionsFile, 'utf8')) as string[];
  const rounds = Math.ceil(200 / questions.length);
  for (const q of questions.slice(0, 20)) await engine.ask({ question: q });
  const embedAlone = (q: string) => embedder.embedQueries([queryEmbeddingText(q)]);
  // Each question answered, then its embedding alone, in turn: the model then meets the same state
  // of the caches as inside a question (other work since its last call). Run back to back, as the
  // second list is, the model stays in the caches and one embedding takes less time than any
  // question's own embedding does (BENCHMARKS.md "Twelfth session").
  const times: number[] = [];
  const embedTimes: number[] = [];
  const backToBack: number[] = [];
  const timed = async (work: () => Promise<unknown>, into: number[]) => {
    const t = performance.now();
    await work();
    into.push(performance.now() - t);
  };
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      await timed(() => engine.ask({ question: q }), times);
      await timed(() => embedAlone(q), embedTimes);
    }
  }
  for (let round = 0; round < rounds; round++) for (const q of questions) await timed(() => embedAlone(q), backToBack);
  report({
    loadSeconds,
    rebuilt: engine.built,
    queries: times.length,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    embedMedianMs: percentile(embedTimes, 0.5),
    backToBackEmbedMedianMs: percentile(backToBack, 0.5),
  });
  // A replica follows the store every second until closed.
  engine.close();
  await embedder.close?.();
}
