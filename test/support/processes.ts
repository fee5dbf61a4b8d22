// Running xunyuan's entry points as real child processes, and waiting on what they do.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Run {
  child: ChildProcess;
  /** stdout and stderr together, in the order they came. */
  output: () => string;
  /** stdout alone. */
  stdout: () => string;
  exit: Promise<number | null>;
}

/** Runs a TypeScript entry point under tsx with request logging off; stdout and stderr are collected. */
export function run(entry: string, args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...process.env, LOG_REQUESTS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  child.stdout!.on('data', (d) => {
    out += d;
    stdout += d;
  });
  child.stderr!.on('data', (d) => (out += d));
  return { child, output: () => out, stdout: () => stdout, exit: new Promise((r) => child.on('exit', (code) => r(code))) };
}

export async function until(check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
