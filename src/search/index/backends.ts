// The index backends by name (`INDEX_BACKEND`): adding one is a folder beside `orama/` and `lancedb/`,
// a line here, and a run of the shared contract suite (`test/search/index/passage-index.case.ts`).
// LanceDB's native module is loaded only when asked for.
import { join } from 'node:path';
import { oramaBackend } from './orama/orama-index.js';
import type { IndexBackend } from './passage-index.js';

const BACKENDS = {
  orama: async () => oramaBackend,
  lancedb: async () => (await import('./lancedb/lancedb-index.js')).lancedbBackend,
} satisfies Record<string, () => Promise<IndexBackend>>;

export type BackendName = keyof typeof BACKENDS;
export const BACKEND_NAMES = Object.keys(BACKENDS) as BackendName[];

export const isBackendName = (name: string): name is BackendName => Object.hasOwn(BACKENDS, name);

export const indexBackend = (name: BackendName = 'orama'): Promise<IndexBackend> => BACKENDS[name]();

/** The backend a stored build names (its manifest); an unknown name is an index this version cannot open. */
export function backendOfBuild(name: string): Promise<IndexBackend> {
  if (!isBackendName(name)) throw new Error(`the index was built by an unknown backend "${name}"`);
  return indexBackend(name);
}

/** The folder under `index/` that keeps the index called `name` for a backend: the default's plain, another's suffixed. */
export const indexDirFor = (name: string, backend: BackendName = 'orama') => join('index', backend === 'orama' ? name : `${name}-${backend}`);
