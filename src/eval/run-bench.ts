// `npm run bench`: index build time and rate, peak memory while indexing and while serving, restart
// time and warm query latency on the seeds (BENCH_CORPUS to point it elsewhere).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run-cli.js';

function phase(name: string, indexDir: string): Record<string, number | boolean> {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('bench-phase.js', import.meta.url)), name, indexDir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench phase ${name} failed: ${run.stderr.trim().split('\n').pop()}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

runCli(async () => {
  const indexDir = mkdtempSync(join(tmpdir(), 'xunyuan-bench-'));
  try {
    const build = phase('build', indexDir);
    const serve = phase('serve', indexDir);
    const f = (x: number | boolean, d = 1) => (typeof x === 'number' ? x.toFixed(d) : String(x));
    console.log('| measure | value |\n|---|---|');
    console.log(`| passages | ${build.passages} |`);
    console.log(`| index build (cold, no embedding cache) | ${f(build.buildSeconds)} s |`);
    console.log(`| passages embedded and indexed per second | ${f(build.passagesPerSecond)} |`);
    console.log(`| peak RSS while indexing | ${build.peakRssMb} MB |`);
    console.log(`| restart: load stored index and model | ${f(serve.loadSeconds, 2)} s (rebuilt: ${serve.rebuilt}) |`);
    console.log(`| warm query latency in-process, median | ${f(serve.medianMs)} ms |`);
    console.log(`| warm query latency in-process, p95 | ${f(serve.p95Ms)} ms |`);
    console.log(`| peak RSS while serving (${serve.queries} queries) | ${serve.peakRssMb} MB |`);
  } finally {
    rmSync(indexDir, { recursive: true, force: true });
  }
});
