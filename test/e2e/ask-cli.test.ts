// `npm run ask` as a person runs it: the question in the terminal, or the API's JSON with --json.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copySeedIndex, scratchDir, SEEDS_DIR } from '../support/engines.js';
import { run } from '../support/processes.js';

const QUESTION = '冀南新区人民医院项目总投资多少?';

async function askCli(args: string[]) {
  const indexDir = join(scratchDir('ask-cli'), 'index');
  await copySeedIndex(indexDir);
  const child = run('src/cli/ask.ts', [...args, '--corpus', SEEDS_DIR, '--index', indexDir]);
  return { code: await child.exit, stdout: child.stdout() };
}

it('--json before the question prints the JSON answer to that question', async () => {
  const { code, stdout } = await askCli(['--json', QUESTION]);
  expect(code).toBe(0);
  const result = JSON.parse(stdout);
  expect(result.question).toBe(QUESTION);
  expect(result.answer.text).toContain('4.33亿元');
  expect(result.passages.length).toBeGreaterThan(0);
});
