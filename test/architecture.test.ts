// The pipeline's direction: a file may import from its own stage or an earlier one, never a later one
// (ingest → search → engine → chat/contract → mcp → server → cli → eval). `text/`, `util/` and the
// shared constants (`limits.ts`, `urls.ts`) and type declarations come before every stage.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** Each top-level folder or file of src/ and its place in the pipeline; views are the server's. */
const STAGE: Record<string, number> = {
  text: 0,
  util: 0,
  types: 0,
  'limits.ts': 0,
  'urls.ts': 0,
  ingest: 1,
  search: 2,
  engine: 3,
  chat: 4,
  contract: 4,
  mcp: 5,
  server: 6,
  views: 6,
  cli: 7,
  'config.ts': 7,
  eval: 8,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** The stage of a file under src/ or views/. */
function stageOf(file: string): string {
  const fromSrc = relative(SRC, file);
  return fromSrc.startsWith('..') ? 'views' : fromSrc.split('/')[0];
}

/** Every relative import of a file, as an absolute path. */
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1]));

describe('the pipeline', () => {
  const files = [...sourceFiles(SRC), ...sourceFiles(resolve('views'))];

  it('places every top-level part of src/ in a stage', () => {
    for (const file of files) expect(STAGE[stageOf(file)], stageOf(file)).toBeDefined();
  });

  it('has no import from a later stage', () => {
    const backwards = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => STAGE[stageOf(target)] > STAGE[stageOf(file)])
        .map((target) => `${relative('.', file)} → ${relative('.', target)}`),
    );
    expect(backwards).toEqual([]);
  });

  it('sees imports at all (the check is not vacuous)', () => {
    expect(importsOf(join(SRC, 'engine', 'answer-engine.ts')).some((t) => stageOf(t) === 'search')).toBe(true);
  });
});
