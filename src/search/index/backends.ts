// The index backends by name (`INDEX_BACKEND`). LanceDB's native module is loaded only when asked for.
import { oramaBackend } from './orama/orama-index.js';
import type { IndexBackend } from './passage-index.js';

export const BACKEND_NAMES = ['orama', 'lancedb'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export const isBackendName = (name: string): name is BackendName => (BACKEND_NAMES as readonly string[]).includes(name);

export async function indexBackend(name: BackendName = 'orama'): Promise<IndexBackend> {
  if (name === 'orama') return oramaBackend;
  return (await import('./lancedb/lancedb-index.js')).lancedbBackend;
}

/** The backend a stored build names (its manifest); an unknown name is an index this version cannot open. */
export function backendOfBuild(name: string): Promise<IndexBackend> {
  if (!isBackendName(name)) throw new Error(`the index was built by an unknown backend "${name}"`);
  return indexBackend(name);
}
