// `npm run bench:scale`: corpora of distinct passages (SCALE_PASSAGES, default 100,000: real sentences
// of CMRC 2018 dev and DRCD dev recombined, `distinct-corpus.ts`, with derived vectors,
// `derived-embedder.ts`), or CMRC 2018 dev's 848 paragraphs written out many times under distinct paths
// (SCALE_COPIES, e.g. 1,10: the earlier figures' data), on each index backend (SCALE_BACKENDS, default
// orama). For each: cold index build (against the model's bare embedding of the same texts for copies;
// distinct passages' vectors are derived, so their build is all but the model), warm query latency,
// restart time, peak memory, size on disk, the cost of re-indexing after one added file and, for
// distinct passages, the vector side's recall@10 against exact search. Each phase runs in its own
// process. SCALE_PHASES lists the optional phases (embed, update, recall). SCALE_STORE=s3rver keeps each
// index on a local S3 server and serves it from a replica that reads it there.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import { CMRC_ATTRIBUTION, DRCD_ATTRIBUTION, loadCmrc } from './cmrc-bench.js';
import { sentencePool, SENTENCE_POOL, writeDistinctCorpus } from './distinct-corpus.js';
import { writePoolVectors } from './derived-embedder.js';
import { loadEmbedder } from '../search/embed/embedder.js';
import { loadConfig } from '../config.js';
import { fixed as f, runPhase, type Figures } from './run-phase.js';
import { startLocalS3 } from './local-s3-server.js';

const QUESTIONS = 200;
/**
 * The most copies a backend that holds its index in memory is run at: Orama served 100 copies in
 * 1.4 GB, and past about 550 it would not fit in the 8 GB the bench allows it. Larger sizes run on the
 * other backends only.
 */
const MAX_COPIES: Record<string, number> = { orama: 100 };
/** The memory a server may use, for the largest size each backend fits in (issue 28: 8 GB). */
const MEMORY_LIMIT_MB = 8192;
/** The bucket SCALE_STORE=s3rver keeps the indexes in. */
const STORE_BUCKET = 'xunyuan-bench';
/** A phase SCALE_PHASES left out. */
const NOT_RUN = '—';

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const path = join(dir, e.name);
    return sum + (e.isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

/** `copies` copies of every paragraph, copy k in folder `kN/`: distinct paths, so distinct documents. */
function writeCorpus(dir: string, files: { path: string; text: string }[], copies: number): void {
  for (let k = 0; k < copies; k++) {
    mkdirSync(join(dir, `k${k}`), { recursive: true });
    for (const file of files) writeFileSync(join(dir, `k${k}`, file.path), file.text);
  }
}

interface SizeResult {
  label: string;
  backend: string;
  files: number;
  build: Figures;
  embed?: Figures;
  serve: Figures;
  update?: Figures;
  recall?: Figures;
  indexMb: number;
  storeMb?: number;
}

/** One corpus size: its label and how its folder is written. */
interface Size {
  label: string;
  /** The most copies or passages a backend that holds its index in memory is run at. */
  amount: number;
  write: (dir: string) => number;
}

runCli(async () => {
  const benchDir = resolve(process.env.BENCH_DIR ?? '../shared/bench');
  const { files, questions } = loadCmrc(benchDir);
  const work = mkdtempSync(join(tmpdir(), 'xunyuan-scale-'));
  const questionsFile = join(work, 'questions.json');
  // Every 16th question: spread over the whole set rather than the first few articles.
  writeFileSync(questionsFile, JSON.stringify(questions.filter((_, i) => i % 16 === 0).slice(0, QUESTIONS).map((q) => q.question)));
  const backends = (process.env.SCALE_BACKENDS ?? 'orama').split(',');
  const copies = process.env.SCALE_COPIES;
  const optional = new Set((process.env.SCALE_PHASES ?? (copies ? 'embed,update' : 'update,recall')).split(','));
  let sizes: Size[];
  if (copies) {
    sizes = copies.split(',').map(Number).map((n) => ({ label: `${n}×`, amount: n, write: (dir) => (writeCorpus(dir, files, n), files.length * n) }));
  } else {
    const pool = sentencePool(benchDir);
    // The phases read the pool's vectors from this file (BENCH_VECTORS); the model embeds the pool once.
    const poolFile = resolve('index/bench-pool-vectors.json');
    mkdirSync(resolve('index'), { recursive: true });
    console.error(`[bench:scale] embedding the pool of ${SENTENCE_POOL} sentences (once; kept in ${poolFile})…`);
    await writePoolVectors(await loadEmbedder(loadConfig([]).modelDir), pool.sentences, poolFile);
    process.env.BENCH_VECTORS = poolFile;
    sizes = (process.env.SCALE_PASSAGES ?? '100000')
      .split(',')
      .map(Number)
      .map((n) => ({ label: `${n.toLocaleString('en')} distinct`, amount: n, write: (dir) => writeDistinctCorpus(dir, pool, n).documents }));
  }
  const results: SizeResult[] = [];
  // SCALE_STORE=s3rver: each index kept on a local S3 server (LanceDB only), served by a replica.
  const storeDir = process.env.SCALE_STORE === 's3rver' ? join(work, 's3rver') : undefined;
  if (storeDir) mkdirSync(storeDir);
  const store = storeDir ? await startLocalS3(storeDir, STORE_BUCKET, true) : undefined;
  try {
    for (const size of sizes) {
      const corpusDir = join(work, `corpus-${size.amount}`);
      const documents = size.write(corpusDir);
      // The bare model time depends on the texts only, not on the backend: measured once per size.
      const embed = optional.has('embed') ? (console.error(`[bench:scale] ${size.label} embed…`), runPhase('embed', join(work, 'unused'), corpusDir, questionsFile)) : undefined;
      for (const backend of backends) {
        if (copies && size.amount > (MAX_COPIES[backend] ?? Infinity)) {
          console.error(`[bench:scale] ${backend} ${size.label}: left out (past ${MAX_COPIES[backend]} copies it holds more than 8 GB in memory)`);
          continue;
        }
        const indexDir = join(work, `index-${size.amount}-${backend}`);
        // The phases are child processes: they read the backend (and the store) from the environment, as a server does.
        process.env.INDEX_BACKEND = backend;
        if (store) process.env.BENCH_OBJECT_STORE = `s3://${STORE_BUCKET}/scale-${size.amount}-${backend}`;
        const phase = (name: string) => {
          console.error(`[bench:scale] ${backend} ${size.label} ${name}…`);
          return runPhase(name, indexDir, corpusDir, questionsFile);
        };
        const build = phase('build');
        const indexMb = folderBytes(indexDir) / 1024 / 1024;
        const serve = phase('serve');
        const update = optional.has('update') ? phase('update') : undefined;
        const recall = optional.has('recall') ? phase('recall') : undefined;
        const storeMb = storeDir ? folderBytes(storeDir) / 1024 / 1024 : undefined;
        const result = { label: `${backend} ${size.label}${store ? ' on s3rver' : ''}`, backend, files: documents, build, embed, serve, update, recall, indexMb, storeMb };
        // Each size's figures as they come: a later size that fails or runs out of memory loses only its own.
        console.error(`[bench:scale] ${JSON.stringify(result)}`);
        results.push(result);
        rmSync(indexDir, { recursive: true, force: true });
      }
      rmSync(corpusDir, { recursive: true, force: true });
    }
  } finally {
    await store?.stop();
    rmSync(work, { recursive: true, force: true });
  }

  const row = (name: string, cell: (r: SizeResult) => string) => console.log(`| ${name} | ${results.map(cell).join(' | ')} |`);
  console.log(
    copies
      ? `Corpus: ${CMRC_ATTRIBUTION}, written out ${copies} times; ${QUESTIONS} of its questions for latency.\n`
      : `Corpus: sentences of ${CMRC_ATTRIBUTION} and ${DRCD_ATTRIBUTION}, recombined into distinct passages with derived vectors; ${QUESTIONS} CMRC questions for latency.\n`,
  );
  console.log(`| measure | ${results.map((r) => r.label).join(' | ')} |\n|---|${results.map(() => '---|').join('')}`);
  row('documents (files)', (r) => r.files.toLocaleString('en'));
  row('passages', (r) => Number(r.build.passages).toLocaleString('en'));
  row('distinct passage texts (each embedded once)', (r) => Number(r.build.embedded).toLocaleString('en'));
  row('cold index build', (r) => `${f(r.build.buildSeconds)} s`);
  row('build time without deriving vectors (reading, parsing, indexing, saving)', (r) => (r.build.withoutDerivingSeconds === undefined ? NOT_RUN : `${f(r.build.withoutDerivingSeconds)} s`));
  row('build time after the last vector (indexing, saving)', (r) => `${f(r.build.afterLastVectorSeconds)} s`);
  row('passages/s, whole build', (r) => f(r.build.passagesPerSecond));
  row('texts/s, bare embedding (model only, same distinct texts, its fastest way)', (r) => (r.embed ? `${f(r.embed.textsPerSecond)} (${r.embed.fastestWay})` : NOT_RUN));
  row('build time ÷ bare embedding time (target ≤ 1.1)', (r) => (r.embed ? f(Number(r.build.buildSeconds) / Number(r.embed.embedSeconds), 2) : NOT_RUN));
  row('peak RSS while indexing', (r) => `${r.build.peakRssMb} MB`);
  row('index size on disk (the writer\'s folder)', (r) => `${f(r.indexMb)} MB`);
  if (storeDir) row('object store size (s3rver\'s folder, every build kept there)', (r) => `${f(r.storeMb)} MB`);
  row('restart: load stored index and model (target ≤ 5 s at 10×)', (r) => `${f(r.serve.loadSeconds, 2)} s`);
  row('warm query latency p50, cache off (target ≤ 50 ms at 10×)', (r) => `${f(r.serve.medianMs)} ms`);
  row('warm query latency p95, cache off', (r) => `${f(r.serve.p95Ms)} ms`);
  row('peak RSS while serving', (r) => `${r.serve.peakRssMb} MB`);
  row('re-index after adding one file', (r) => (r.update ? `${f(r.update.refreshSeconds, 2)} s (${r.update.embedded} passage embedded)` : NOT_RUN));
  row('longest pause in answering during that re-index', (r) => (r.update ? `${f(r.update.longestPauseMs, 0)} ms` : NOT_RUN));
  row('vector side recall@10 against exact search', (r) => (r.recall ? `${f(r.recall.recallAt10, 3)} (${r.recall.questions} questions)` : NOT_RUN));
  for (const line of largestFitting(results)) console.log(`\n${line}`);
});

/** The memory a backend needs at a size: the larger of its build's and its serving's peak RSS. */
const peakOf = (r: SizeResult) => Math.max(Number(r.build.peakRssMb), Number(r.serve.peakRssMb));

/**
 * For each backend run at two sizes or more: the size whose peak RSS would reach MEMORY_LIMIT_MB, on the
 * straight line through its smallest and largest sizes' peaks. An estimate: this machine cannot run
 * a build of that size in the time a bench has.
 */
function largestFitting(results: SizeResult[]): string[] {
  return [...new Set(results.map((r) => r.backend))].flatMap((backend) => {
    const runs = results.filter((r) => r.backend === backend).sort((a, b) => Number(a.build.passages) - Number(b.build.passages));
    if (runs.length < 2) return [];
    const [small, large] = [runs[0], runs[runs.length - 1]];
    const perPassage = (peakOf(large) - peakOf(small)) / (Number(large.build.passages) - Number(small.build.passages));
    if (perPassage <= 0) return [];
    const fitting = Number(large.build.passages) + (MEMORY_LIMIT_MB - peakOf(large)) / perPassage;
    return [`${backend}: peak RSS ${peakOf(small)} MB at ${Number(small.build.passages).toLocaleString('en')} passages, ${peakOf(large)} MB at ${Number(large.build.passages).toLocaleString('en')}; ${f(perPassage * 1024, 1)} KB a passage, so ${MEMORY_LIMIT_MB / 1024} GB holds about ${Math.floor(fitting / 1000).toLocaleString('en')},000 passages (extrapolated)`];
  });
}
