// `npm start` as a user runs it: a `kill` of the npm process stops the server too. npm runs the script
// through `sh -c`, and a TERM to npm ended npm and the shell but left the server serving, orphaned.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../../src/server/free-port.js';
import { copySeedIndex, scratchDir, SEEDS_DIR } from '../support/engines.js';
import { until } from '../support/processes.js';

const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => true,
    () => false,
  );

it('stops the server when the npm process is killed', async () => {
  const indexDir = join(scratchDir('npm-start'), 'index');
  await copySeedIndex(indexDir);
  const port = await freePort();
  const npm = spawn('npm', ['start'], { env: { ...process.env, PORT: String(port), CORPUS_DIR: SEEDS_DIR, INDEX_DIR: indexDir, LOG_REQUESTS: '0' }, stdio: 'ignore' });
  try {
    // A clean clone compiles dist/ first (about a minute on two loaded cores).
    await until(() => answers(port), 200_000);
    npm.kill('SIGTERM');
    await until(async () => !(await answers(port)), 10_000);
    expect(await answers(port)).toBe(false);
  } finally {
    npm.kill('SIGKILL');
  }
}, 260_000);
