// Reading a folder again parses only the files whose bytes changed, and forgets files no longer read.
import { expect, it } from 'vitest';
import { ParseCache, type ReadFile } from '../../src/ingest/parse-cache.js';

it('parses an unchanged file once, a changed one again, and drops what was not read since', async () => {
  const parsed: string[] = [];
  const read: ReadFile = async (_name, bytes) => (parsed.push(bytes.toString()), { text: bytes.toString().toUpperCase() });
  const cache = new ParseCache(read);
  expect(await cache.read('page.html', Buffer.from('a'))).toEqual({ text: 'A' });
  expect(await cache.read('page.html', Buffer.from('b'))).toEqual({ text: 'B' });
  cache.forgetUnused();
  expect(await cache.read('page.html', Buffer.from('a'))).toEqual({ text: 'A' });
  expect(await cache.read('page.html', Buffer.from('c'))).toEqual({ text: 'C' });
  cache.forgetUnused();
  expect(parsed).toEqual(['a', 'b', 'c']);
  await cache.read('page.html', Buffer.from('b'));
  expect(parsed).toEqual(['a', 'b', 'c', 'b']);
});
