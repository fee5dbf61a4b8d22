// A long background loop takes a turn of the event loop by time, not by a count of steps: a request
// that arrives while it runs waits for about one interval at most.
import { expect, it } from 'vitest';
import { turnTaker } from '../../src/util/next-turn.js';

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

it('takes a turn only once 20 ms have passed since the last, and lets a waiting callback run then', async () => {
  const turn = turnTaker();
  expect(turn()).toBeUndefined();
  let ran = false;
  setImmediate(() => (ran = true));
  busyFor(25);
  const taking = turn();
  expect(taking).toBeInstanceOf(Promise);
  expect(ran).toBe(false);
  await taking;
  expect(ran).toBe(true);
  // The clock starts again from the turn.
  expect(turn()).toBeUndefined();
});

it('keeps a timer answering through a loop of many short steps', async () => {
  const turn = turnTaker();
  let longest = 0;
  let last = performance.now();
  const ticking = setInterval(() => {
    longest = Math.max(longest, performance.now() - last);
    last = performance.now();
  }, 1);
  const until = performance.now() + 300;
  while (performance.now() < until) {
    busyFor(0.5);
    await turn();
  }
  clearInterval(ticking);
  expect(longest).toBeLessThan(150);
});
