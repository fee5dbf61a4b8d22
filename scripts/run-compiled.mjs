// Runs a TypeScript entry point (`node scripts/run-compiled.mjs src/cli/serve.ts [args]`) from its
// compiled JavaScript in dist/, compiling first when a source is newer than the last build. Compiled
// code instead of tsx: tsx's loader alone held ~160 MB resident in the server (measured 431 → 268 MB
// peak), and compiling only when needed keeps a restart within its 2 s.
import { execFileSync, spawn } from 'node:child_process';
import { constants } from 'node:os';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function compileIfStale() {
  const sources = Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'views')), statSync(join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  process.stderr.write('[xunyuan] compiling TypeScript to dist/ ...\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    process.stderr.write('[xunyuan] the TypeScript sources do not compile (errors above)\n');
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

const [entry] = process.argv.splice(2, 1);
if (!entry?.endsWith('.ts')) {
  process.stderr.write('usage: node scripts/run-compiled.mjs <src/…/entry.ts> [args]\n');
  process.exit(2);
}
compileIfStale();
// `npm start` runs this through `sh -c`; a `kill` of npm ends npm and the shell but not this process,
// which would go on serving, orphaned. A process whose parent is gone stops as if told to (SIGTERM:
// the server closes gracefully; the launcher below passes it on to its child).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();
// glibc gives threads that allocate their own malloc arenas (up to eight per core). LanceDB's and ONNX
// Runtime's worker threads then keep freed memory spread over many arenas, and a server's resident
// memory grows by hundreds of megabytes (LanceDB at 12,330 passages: 787 MB, and 537 MB with two
// arenas). glibc reads the setting only when a process starts: on Linux the entry runs in a child
// process that has it, and the signals that stop a server are passed on to it.
if (process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined) {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), entry, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
} else {
  await import(pathToFileURL(join(root, 'dist', entry.replace(/\.tsx?$/, '.js'))).href);
}
