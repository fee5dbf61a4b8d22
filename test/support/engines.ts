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
import { BACKEND_NAMES, type BackendName } from '../../src/search/index/backends.js';
import { describe } from 'vitest';

export const SEEDS_DIR = resolve('seeds');
export const MODEL_DIR = loadConfig([], {}).modelDir;

const root = mkdtempSync(join(tmpdir(), 'xunyuan-test-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

let embedder: Promise<Embedder> | undefined;
const seedIndexes = new Map<BackendName, Promise<string>>();

/** The bge model, loaded the first time any test asks for it. */
export function sharedEmbedder(): Promise<Embedder> {
  embedder ??= loadEmbedder(MODEL_DIR);
  return embedder;
}

/** A fresh folder under the run's temporary root, removed when the run ends. */
export const scratchDir = (name: string) => mkdtempSync(join(root, `${name}-`));

/**
 * The index backend of the engines of suites that do not run on every backend (Orama unless
 * INDEX_BACKEND says otherwise); suites that touch a backend run on each (`describeBackends`).
 */
export const BACKEND_UNDER_TEST = loadConfig([], { INDEX_BACKEND: process.env.INDEX_BACKEND }).indexBackend;

/** Opens an engine with the shared model. */
export async function openEngine(options: Omit<EngineOptions, 'modelDir'>): Promise<AnswerEngine> {
  return AnswerEngine.open({ modelDir: MODEL_DIR, indexBackend: BACKEND_UNDER_TEST, ...options, embedder: await sharedEmbedder() });
}

/** The folder of an index of the seed pages on a backend, built once per run. */
function builtSeedIndex(backend: BackendName): Promise<string> {
  let built = seedIndexes.get(backend);
  if (!built) {
    built = (async () => {
      const indexDir = join(root, `seed-index-${backend}`);
      await openEngine({ corpusDir: SEEDS_DIR, indexDir, indexBackend: backend });
      return indexDir;
    })();
    seedIndexes.set(backend, built);
  }
  return built;
}

/**
 * A copy of the seed index in `indexDir` (its own folder, which the test may damage). The index fits
 * any folder holding exactly the seed files, since its fingerprint covers relative paths and texts.
 */
export async function copySeedIndex(indexDir: string, backend: BackendName = BACKEND_UNDER_TEST): Promise<void> {
  cpSync(await builtSeedIndex(backend), indexDir, { recursive: true });
}

/** An engine over the seed pages (or a copy of them in `corpusDir`) that loads a copy of the seed index instead of building one. */
export async function openSeedEngine(options: Partial<Omit<EngineOptions, 'modelDir'>> = {}): Promise<AnswerEngine> {
  const indexDir = options.indexDir ?? join(scratchDir('seed-engine'), 'index');
  await copySeedIndex(indexDir, options.indexBackend);
  return openEngine({ corpusDir: SEEDS_DIR, ...options, indexDir });
}

/**
 * Runs a suite once on each index backend, in the manner of h3's test matrix: only the suites whose
 * behaviour depends on the backend (building, saving, loading, re-indexing, replicas, damage) opt in.
 */
export function describeBackends(title: string, suite: (backend: BackendName) => void): void {
  for (const backend of BACKEND_NAMES) describe(`${title} [${backend}]`, () => suite(backend));
}
