// The backend an index is built with unless the caller names another: Orama, in memory.
import { oramaBackend } from './orama/orama-index.js';
import type { IndexBackend } from './passage-index.js';

export const DEFAULT_BACKEND: IndexBackend = oramaBackend;
