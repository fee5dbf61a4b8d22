// `npm run ask` as a real process: the JSON answer on stdout and exit 0; a refusal is one line on stderr
// and exit 1. Its options are tested in-process (`test/cli/ask-command.test.ts`).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copySeedIndex, scratchDir, SEEDS_DIR } from '../support/engines.js';
import { run } from '../support/processes.js';

const QUESTION = '冀南新区人民医院项目总投资多少?';

it('--json before the question prints the JSON answer to that question; a bad option exits 1 with its reason', async () => {
  const indexDir = join(scratchDir('ask-cli'), 'index');
  await copySeedIndex(indexDir);
  const child = run('src/cli/ask.ts', ['--json', QUESTION, '--corpus', SEEDS_DIR, '--index', indexDir]);
  expect(await child.exit).toBe(0);
  const result = JSON.parse(child.stdout());
  expect(result.question).toBe(QUESTION);
  expect(result.answer.text).toContain('4.33亿元');
  expect(result.passages.length).toBeGreaterThan(0);
  const refused = run('src/cli/ask.ts', ['--top-k', '99', QUESTION, '--corpus', SEEDS_DIR, '--index', indexDir]);
  expect(await refused.exit).toBe(1);
  expect(refused.output()).toMatch(/\[xunyuan\] error: --top-k must be a whole number/);
  expect(refused.output()).not.toMatch(/^\s+at /m);
});
