// Runs one bench phase (bench-phase.ts) as a child process and returns the figures it printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Figures = Record<string, number | boolean>;

export function runPhase(name: string, indexDir: string, corpusDir: string, questionsFile: string): Figures {
  const script = fileURLToPath(new URL('bench-phase.js', import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', script, name, indexDir, corpusDir, questionsFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`bench phase ${name} failed: ${run.stderr.trim().split('\n').pop()}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Figures;
}

export const fixed = (x: number | boolean | undefined, digits = 1) => (typeof x === 'number' ? x.toFixed(digits) : String(x));
