// Engines for tests, made cheaply. Test files run in one worker without isolation (vitest.config.ts),
// so this module, the model it loads and the seed index it builds are shared by the whole run: the
// model loads once, the seeds are embedded once, and each test gets its own copy of that index to
// open (or damage) in a folder of its own.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { AnswerEngine, type EngineOptions } from '../../src/engine/answer-engine.js';
import { loadEmbedder, type Embedder } from '../../src/search/embed/embedder.js';

export const SEEDS_DIR = resolve('seeds');
export const MODEL_DIR = loadConfig([], {}).modelDir;

const root = mkdtempSync(join(tmpdir(), 'xunyuan-test-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

let embedder: Promise<Embedder> | undefined;
let seedIndex: Promise<string> | undefined;

/** The bge model, loaded the first time any test asks for it. */
export function sharedEmbedder(): Promise<Embedder> {
  embedder ??= loadEmbedder(MODEL_DIR);
  return embedder;
}

/** A fresh folder under the run's temporary root, removed when the run ends. */
export const scratchDir = (name: string) => mkdtempSync(join(root, `${name}-`));

/** The index backend the engines of this run use: `INDEX_BACKEND=lancedb npm run test:lancedb` runs every engine test on LanceDB. */
export const BACKEND_UNDER_TEST = loadConfig([], { INDEX_BACKEND: process.env.INDEX_BACKEND }).indexBackend;

/** Opens an engine with the shared model. */
export async function openEngine(options: Omit<EngineOptions, 'modelDir'>): Promise<AnswerEngine> {
  return AnswerEngine.open({ modelDir: MODEL_DIR, indexBackend: BACKEND_UNDER_TEST, ...options, embedder: await sharedEmbedder() });
}

/** The folder of an index of the seed pages, built once per run. */
function builtSeedIndex(): Promise<string> {
  seedIndex ??= (async () => {
    const indexDir = join(root, 'seed-index');
    await openEngine({ corpusDir: SEEDS_DIR, indexDir });
    return indexDir;
  })();
  return seedIndex;
}

/**
 * A copy of the seed index in `indexDir` (its own folder, which the test may damage). The index fits
 * any folder holding exactly the seed files, since its fingerprint covers relative paths and texts.
 */
export async function copySeedIndex(indexDir: string): Promise<void> {
  cpSync(await builtSeedIndex(), indexDir, { recursive: true });
}

/** An engine over the seed pages (or a copy of them in `corpusDir`) that loads a copy of the seed index instead of building one. */
export async function openSeedEngine(options: Partial<Omit<EngineOptions, 'modelDir'>> = {}): Promise<AnswerEngine> {
  const indexDir = options.indexDir ?? join(scratchDir('seed-engine'), 'index');
  await copySeedIndex(indexDir);
  return openEngine({ corpusDir: SEEDS_DIR, ...options, indexDir });
}
