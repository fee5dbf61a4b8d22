// `npm run bench`: index build time and rate, peak memory while indexing and while serving, restart
// time and warm query latency on the seeds (BENCH_CORPUS to point it elsewhere).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import { fixed as f, runPhase } from './run-phase.js';
import seedQuestions from './seed-questions.json' with { type: 'json' };

runCli(async () => {
  const work = mkdtempSync(join(tmpdir(), 'xunyuan-bench-'));
  const indexDir = join(work, 'index');
  const corpusDir = resolve(process.env.BENCH_CORPUS ?? 'seeds');
  const questionsFile = join(work, 'questions.json');
  writeFileSync(questionsFile, JSON.stringify(seedQuestions.map((q) => q.question)));
  const phase = (name: string) => runPhase(name, indexDir, corpusDir, questionsFile);
  try {
    const build = phase('build');
    const serve = phase('serve');
    console.log('| measure | value |\n|---|---|');
    console.log(`| passages | ${build.passages} |`);
    console.log(`| index build (cold, no embedding cache) | ${f(build.buildSeconds)} s |`);
    console.log(`| passages embedded and indexed per second | ${f(build.passagesPerSecond)} |`);
    console.log(`| peak RSS while indexing | ${build.peakRssMb} MB |`);
    console.log(`| restart: load stored index and model | ${f(serve.loadSeconds, 2)} s (rebuilt: ${serve.rebuilt}) |`);
    console.log(`| warm query latency in-process, median | ${f(serve.medianMs)} ms |`);
    console.log(`| warm query latency in-process, p95 | ${f(serve.p95Ms)} ms |`);
    console.log(`| one query embedding alone, median | ${f(serve.embedMedianMs)} ms |`);
    console.log(`| median query latency ÷ median query embedding (target ≤ 2) | ${f((serve.medianMs as number) / (serve.embedMedianMs as number), 2)} |`);
    console.log(`| peak RSS while serving (${serve.queries} queries) | ${serve.peakRssMb} MB |`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
