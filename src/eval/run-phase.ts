// Runs one bench phase (bench-phase.ts) as a child process and returns the figures it printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SERVING_NODE_ARGS, servingEnv } from './serving-process.js';

export type Figures = Record<string, number | boolean>;

export function runPhase(name: string, indexDir: string, corpusDir: string, questionsFile: string): Figures {
  const script = fileURLToPath(new URL('bench-phase.js', import.meta.url));
  const run = spawnSync(process.execPath, [...SERVING_NODE_ARGS, script, name, indexDir, corpusDir, questionsFile], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: servingEnv(),
  });
  // The end of what it wrote: an uncaught error's message and stack, not only Node's version line after them.
  if (run.status !== 0) throw new Error(`bench phase ${name} failed (exit ${run.status ?? run.signal}):\n${run.stderr.trim().split('\n').slice(-20).join('\n')}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Figures;
}

export const fixed = (x: number | boolean | undefined, digits = 1) => (typeof x === 'number' ? x.toFixed(digits) : String(x));
