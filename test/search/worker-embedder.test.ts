// The model in a worker thread gives what the model in this thread gives, closes without dropping a
// request in flight, and a missing model is the same clear error.
import { expect, it } from 'vitest';
import { loadWorkerEmbedder } from '../../src/search/embed/worker-embedder.js';
import { MODEL_DIR, scratchDir, sharedEmbedder } from '../support/engines.js';

it('embeds questions and passages as the in-thread model does', async () => {
  const [inWorker, here] = await Promise.all([loadWorkerEmbedder(MODEL_DIR), sharedEmbedder()]);
  expect(inWorker.fingerprint).toBe(here.fingerprint);
  expect(inWorker.dimensions).toBe(here.dimensions);
  const passages = ['国庆节放假安排：10月1日至7日放假调休，共7天。', '第3号楼本周三停电检修，时长4小时。'];
  const [fromWorker, fromHere] = await Promise.all([inWorker.embedPassages(passages), here.embedPassages(passages)]);
  fromWorker.forEach((v, i) => v.forEach((x, j) => expect(x).toBeCloseTo(fromHere[i][j], 4)));
  // Requests in flight together each get their own answer.
  const [a, b] = await Promise.all([inWorker.embedQueries(['国庆节放几天假?']), inWorker.embedQueries(['几号楼停电?'])]);
  expect(a[0]).not.toEqual(b[0]);
  const [expected] = await here.embedQueries(['国庆节放几天假?']);
  a[0].forEach((x, j) => expect(x).toBeCloseTo(expected[j], 4));
}, 60_000);

it('closes once the requests in flight are answered, and refuses any after', async () => {
  const inWorker = await loadWorkerEmbedder(MODEL_DIR);
  const inFlight = inWorker.embedPassages(['第3号楼本周三停电检修，时长4小时。']);
  await inWorker.close!();
  expect((await inFlight)[0]).toHaveLength(inWorker.dimensions);
  await expect(inWorker.embedQueries(['几号楼停电?'])).rejects.toThrow(/closed/);
}, 60_000);

it('fails to load a missing model with the reason and the way to fix it', async () => {
  await expect(loadWorkerEmbedder(scratchDir('no-model'))).rejects.toThrow(/embedding model not found in .*npm install/);
}, 60_000);
