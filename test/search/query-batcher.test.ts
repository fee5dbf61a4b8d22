// Questions that arrive while the model is busy share its next call; each gets its own vector back,
// and a failed call fails only the questions in it.
import { expect, it } from 'vitest';
import { QueryBatcher } from '../../src/search/embed/query-batcher.js';

/** A model that takes a moment per call and returns each text's length as its vector. */
function slowModel(fail?: (texts: string[]) => boolean) {
  const calls: string[][] = [];
  const embedMany = async (texts: string[]) => {
    calls.push(texts);
    await new Promise((r) => setTimeout(r, 20));
    if (fail?.(texts)) throw new Error('model failed');
    return texts.map((t) => [t.length]);
  };
  return { calls, embedMany };
}

it('sends a lone question at once and the ones that queue behind it together', async () => {
  const model = slowModel();
  const batcher = new QueryBatcher(model.embedMany);
  const texts = ['一', '二二', '三三三', '四四四四', '五五五五五'];
  const vectors = await Promise.all(texts.map((t) => batcher.embed(t)));
  expect(vectors).toEqual(texts.map((t) => [t.length]));
  expect(model.calls).toEqual([['一'], ['二二', '三三三', '四四四四', '五五五五五']]);
});

it('keeps each call within the batch size', async () => {
  const model = slowModel();
  const batcher = new QueryBatcher(model.embedMany, 2);
  await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => batcher.embed(t)));
  expect(model.calls.map((c) => c.length)).toEqual([1, 2, 2]);
});

it('fails only the questions of a failed call, and keeps serving', async () => {
  const model = slowModel((texts) => texts.includes('坏'));
  const batcher = new QueryBatcher(model.embedMany);
  const first = batcher.embed('好');
  const [bad, good] = [batcher.embed('坏'), batcher.embed('也好')];
  await expect(first).resolves.toEqual([1]);
  await expect(bad).rejects.toThrow('model failed');
  await expect(good).rejects.toThrow('model failed');
  await expect(batcher.embed('之后')).resolves.toEqual([2]);
});

it('hands a batch out a question per turn of the event loop, so other work is served before the batch ends', async () => {
  const model = slowModel();
  const batcher = new QueryBatcher(model.embedMany);
  const order: string[] = [];
  const lone = batcher.embed('先');
  const batch = ['甲', '乙', '丙', '丁'].map((t) =>
    batcher.embed(t).then(() => {
      order.push(t);
      // What another request would be: work queued when the first question of the batch is answered.
      if (t === '甲') setImmediate(() => order.push('other'));
    }),
  );
  await Promise.all([lone, ...batch]);
  expect(model.calls).toEqual([['先'], ['甲', '乙', '丙', '丁']]);
  expect(order).toContain('other');
  expect(order.indexOf('other')).toBeLessThan(order.indexOf('丁'));
});
