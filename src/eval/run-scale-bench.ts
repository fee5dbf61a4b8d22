// `npm run bench:scale`: CMRC 2018 dev (848 paragraphs) as a corpus folder, and the same paragraphs
// written out many times as distinct files (SCALE_COPIES, default 1 and 10), on each index backend
// (SCALE_BACKENDS, default orama). For each: cold index build against the model's bare embedding time on
// the same distinct texts, warm query latency, restart time, peak memory, size on disk, and the cost of
// re-indexing after one added file. Each phase runs in its own process. SCALE_PHASES=serve leaves out
// the bare embedding and the re-index (each as long as a build at the largest sizes).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import { CMRC_ATTRIBUTION, loadCmrc } from './cmrc-bench.js';
import { fixed as f, runPhase, type Figures } from './run-phase.js';

const QUESTIONS = 200;
/**
 * The most copies a backend that holds its index in memory is run at: Orama served 100 copies in
 * 1.4 GB, and past about 550 it would not fit in the 8 GB the bench allows it. Larger sizes run on the
 * other backends only.
 */
const MAX_COPIES: Record<string, number> = { orama: 100 };
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
  indexMb: number;
}

runCli(async () => {
  const benchDir = resolve(process.env.BENCH_DIR ?? '../shared/bench');
  const { files, questions } = loadCmrc(benchDir);
  const work = mkdtempSync(join(tmpdir(), 'xunyuan-scale-'));
  const questionsFile = join(work, 'questions.json');
  // Every 16th question: spread over the whole set rather than the first few articles.
  writeFileSync(questionsFile, JSON.stringify(questions.filter((_, i) => i % 16 === 0).slice(0, QUESTIONS).map((q) => q.question)));
  const sizes = (process.env.SCALE_COPIES ?? '1,10').split(',').map(Number);
  const backends = (process.env.SCALE_BACKENDS ?? 'orama').split(',');
  const optional = new Set((process.env.SCALE_PHASES ?? 'embed,update').split(','));
  const results: SizeResult[] = [];
  try {
    for (const copies of sizes) {
      const corpusDir = join(work, `corpus-${copies}x`);
      writeCorpus(corpusDir, files, copies);
      // The bare model time depends on the texts only, not on the backend: measured once per size.
      const embed = optional.has('embed') ? (console.error(`[bench:scale] ${copies}× embed…`), runPhase('embed', join(work, 'unused'), corpusDir, questionsFile)) : undefined;
      for (const backend of backends) {
        if (copies > (MAX_COPIES[backend] ?? Infinity)) {
          console.error(`[bench:scale] ${backend} ${copies}×: left out (past ${MAX_COPIES[backend]} copies it holds more than 8 GB in memory)`);
          continue;
        }
        const indexDir = join(work, `index-${copies}x-${backend}`);
        // The phases are child processes: they read the backend from the environment, as a server does.
        process.env.INDEX_BACKEND = backend;
        const phase = (name: string) => {
          console.error(`[bench:scale] ${backend} ${copies}× ${name}…`);
          return runPhase(name, indexDir, corpusDir, questionsFile);
        };
        const build = phase('build');
        const indexMb = folderBytes(indexDir) / 1024 / 1024;
        const serve = phase('serve');
        const update = optional.has('update') ? phase('update') : undefined;
        const result = { label: `${backend} ${copies}×`, backend, files: files.length * copies, build, embed, serve, update, indexMb };
        // Each size's figures as they come: a later size that fails or runs out of memory loses only its own.
        console.error(`[bench:scale] ${JSON.stringify(result)}`);
        results.push(result);
        rmSync(indexDir, { recursive: true, force: true });
      }
      rmSync(corpusDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const row = (name: string, cell: (r: SizeResult) => string) => console.log(`| ${name} | ${results.map(cell).join(' | ')} |`);
  console.log(`Corpus: ${CMRC_ATTRIBUTION}; ${QUESTIONS} of its questions for latency.\n`);
  console.log(`| measure | ${results.map((r) => r.label).join(' | ')} |\n|---|${results.map(() => '---|').join('')}`);
  row('documents (files)', (r) => r.files.toLocaleString('en'));
  row('passages', (r) => Number(r.build.passages).toLocaleString('en'));
  row('distinct passage texts (each embedded once)', (r) => Number(r.build.embedded).toLocaleString('en'));
  row('cold index build', (r) => `${f(r.build.buildSeconds)} s`);
  row('build time without embedding (reading, parsing, indexing, saving)', (r) => `${f(r.build.withoutEmbeddingSeconds)} s`);
  row('passages/s, whole build', (r) => f(r.build.passagesPerSecond));
  row('texts/s, bare embedding (model only, same distinct texts and batches)', (r) => (r.embed ? f(r.embed.textsPerSecond) : NOT_RUN));
  row('build time ÷ bare embedding time (target ≤ 1.3)', (r) => (r.embed ? f(Number(r.build.buildSeconds) / Number(r.embed.embedSeconds), 2) : NOT_RUN));
  row('peak RSS while indexing', (r) => `${r.build.peakRssMb} MB`);
  row('index size on disk', (r) => `${f(r.indexMb)} MB`);
  row('restart: load stored index and model (target ≤ 5 s at 10×)', (r) => `${f(r.serve.loadSeconds, 2)} s`);
  row('warm query latency p50, cache off (target ≤ 50 ms at 10×)', (r) => `${f(r.serve.medianMs)} ms`);
  row('warm query latency p95, cache off', (r) => `${f(r.serve.p95Ms)} ms`);
  row('peak RSS while serving', (r) => `${r.serve.peakRssMb} MB`);
  row('re-index after adding one file', (r) => (r.update ? `${f(r.update.refreshSeconds, 2)} s (${r.update.embedded} passage embedded)` : NOT_RUN));
  row('longest pause in answering during that re-index', (r) => (r.update ? `${f(r.update.longestPauseMs, 0)} ms` : NOT_RUN));
});
