// The engine over CMRC 2018 dev written out as a corpus folder, indexed like any user's folder; the
// index is kept in index/eval-cmrc so later runs load it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { AnswerEngine } from '../engine/answer-engine.js';
import { indexDirFor } from '../search/index/backends.js';
import type { SourceFile } from '../ingest/read-corpus.js';
import { loadCmrc } from './cmrc-bench.js';

/** INDEX_BACKEND=lancedb evaluates the LanceDB backend, its indexes kept apart from the default's. */
const { indexBackend, modelDir } = loadConfig([], { INDEX_BACKEND: process.env.INDEX_BACKEND });
export const indexFolder = (name: string) => resolve(indexDirFor(name, indexBackend));

/** Writes `files` into `corpusDir` and opens an engine on it with its index in `indexDir`. */
export async function openCorpusEngine(files: SourceFile[], corpusDir: string, indexDir: string): Promise<AnswerEngine> {
  mkdirSync(corpusDir, { recursive: true });
  for (const f of files) writeFileSync(join(corpusDir, f.path), f.text);
  return AnswerEngine.open({ corpusDir, indexDir, indexBackend, modelDir, log: (l) => console.error(`[eval] ${l}`) });
}

export const openCmrcEngine = () => openCorpusEngine(loadCmrc(resolve('../shared/bench')).files, resolve('index/eval-cmrc-corpus'), indexFolder('eval-cmrc'));

/** The corpus without every fifth document (by position): questions about a removed one are near misses. */
export async function openNearMissEngine(files: SourceFile[]): Promise<{ engine: AnswerEngine; removed: Set<string> }> {
  const removed = new Set(files.filter((_, i) => i % 5 === 0).map((f) => f.id));
  const engine = await openCorpusEngine(files.filter((f) => !removed.has(f.id)), resolve('index/eval-nearmiss-corpus'), indexFolder('eval-nearmiss'));
  return { engine, removed };
}

/** An engine on a folder as it is (nothing written into it), its index in `index/<name>`. */
export const openEngineOn = (corpusDir: string, name: string) =>
  AnswerEngine.open({ corpusDir, indexDir: indexFolder(name), indexBackend, modelDir, log: (l) => console.error(`[eval] ${l}`) });

/** The seed pages as they ship in `seeds/`. */
export const openSeedsEngine = () => openCorpusEngine([], resolve('seeds'), indexFolder('eval-seeds'));
