// One document of more passages than a call's arguments may hold (about 125,000 overflowed the stack
// when every id was spread into push(), in the build and in the vector rows): rows for 200,000 passages
// are added and searched.
import { expect, it } from 'vitest';
import { VectorRows } from '../../../src/search/index/vector-rows.js';

it('adds and searches the vector rows of 200,000 passages of one document', () => {
  const n = 200_000;
  const rows = new VectorRows(new Float32Array(0), 1, [], []);
  rows.append(new Float32Array(n).fill(0.5), Array.from({ length: n }, (_, i) => `log:${i}:0`), new Array<string>(n).fill('log'));
  rows.append(Float32Array.of(1), ['log:last:0'], ['log']);
  expect(rows.size).toBe(n + 1);
  expect(rows.search([1], 1, ['log'])[0].id).toBe('log:last:0');
});
