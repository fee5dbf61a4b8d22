// `npm run bench`: index build time and rate, peak memory while indexing and while serving, restart
// time, warm query latency and how soon a first start answers, per collection: the seeds (BENCH_CORPUS to point it elsewhere) with
// their questions, and CMRC 2018 dev as a folder of 848 files with its first 200 questions, when
// ../shared/bench is there.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import { CMRC_ATTRIBUTION, loadCmrc } from './cmrc-bench.js';
import { fixed as f, runPhase } from './run-phase.js';
import seedQuestions from './seed-questions.json' with { type: 'json' };

/** CMRC questions timed: 200 distinct ones, as the seeds' 46 are asked in rounds to about 200. */
const CMRC_QUESTIONS = 200;

function benchCollection(work: string, id: string, name: string, corpusDir: string, questions: string[]): void {
  const dir = join(work, id);
  mkdirSync(dir);
  const questionsFile = join(dir, 'questions.json');
  writeFileSync(questionsFile, JSON.stringify(questions));
  const phase = (phaseName: string, index = 'index') => runPhase(phaseName, join(dir, index), corpusDir, questionsFile);
  const build = phase('build');
  const serve = phase('serve');
  const first = phase('first', 'first-start-index');
  console.log(`\n${name}\n\n| measure | value |\n|---|---|`);
  console.log(`| passages | ${build.passages} |`);
  console.log(`| index build (cold, no embedding cache) | ${f(build.buildSeconds)} s |`);
  console.log(`| passages embedded and indexed per second | ${f(build.passagesPerSecond)} |`);
  console.log(`| peak RSS while indexing | ${build.peakRssMb} MB |`);
  console.log(`| restart: load stored index and model | ${f(serve.loadSeconds, 2)} s (rebuilt: ${serve.rebuilt}) |`);
  console.log(`| warm query latency in-process, median | ${f(serve.medianMs)} ms |`);
  console.log(`| warm query latency in-process, p95 | ${f(serve.p95Ms)} ms |`);
  console.log(`| one query embedding alone, each after its question's answer, median | ${f(serve.embedMedianMs)} ms |`);
  console.log(`| median query latency ÷ median query embedding (target ≤ 2) | ${f((serve.medianMs as number) / (serve.embedMedianMs as number), 2)} |`);
  console.log(`| one query embedding alone, back to back (the model held in the caches), median | ${f(serve.backToBackEmbedMedianMs)} ms |`);
  console.log(`| median query latency ÷ back-to-back embedding | ${f((serve.medianMs as number) / (serve.backToBackEmbedMedianMs as number), 2)} |`);
  console.log(`| peak RSS while serving (${serve.queries} queries) | ${serve.peakRssMb} MB |`);
  console.log(`| first start: serving by keyword after | ${f(first.servingSeconds)} s |`);
  console.log(`| first start: first question answered after (answered: ${first.answered}, by keyword only: ${first.keywordOnly}) | ${f(first.firstAnswerSeconds)} s |`);
  console.log(`| first start: complete index serving after | ${f(first.completeSeconds)} s |`);
}

runCli(async () => {
  const work = mkdtempSync(join(tmpdir(), 'xunyuan-bench-'));
  try {
    const seeds = resolve(process.env.BENCH_CORPUS ?? 'seeds');
    benchCollection(work, 'first', `${process.env.BENCH_CORPUS ? 'BENCH_CORPUS' : 'seeds'} (${seeds})`, seeds, seedQuestions.map((q) => q.question));
    const bench = resolve('../shared/bench');
    if (!existsSync(bench)) return;
    const cmrc = loadCmrc(bench);
    const corpusDir = join(work, 'cmrc-corpus');
    mkdirSync(corpusDir);
    for (const file of cmrc.files) writeFileSync(join(corpusDir, file.path), file.text);
    benchCollection(work, 'cmrc', `CMRC 2018 dev as a folder (${CMRC_ATTRIBUTION})`, corpusDir, cmrc.questions.slice(0, CMRC_QUESTIONS).map((q) => q.question));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
