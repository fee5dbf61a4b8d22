// Where a question may be answered from: the whole corpus, one document, or one folder of it. A folder
// is a path under the corpus (`laws`, `reports/2026`) or `@uploads`, the documents added through the
// page or the API; its documents are those whose path lies under it, subfolders included.
import type { DocumentSummary } from '../search/index/corpus.js';
import { UPLOADS_PREFIX } from '../ingest/read-sources.js';

export interface Scope {
  docId?: string;
  folder?: string;
}

/** A scope made concrete: the documents searched, and what the card calls them. */
export interface ResolvedScope {
  docIds: string[];
  label: string;
  kind: 'document' | 'folder';
}

export interface FolderSummary {
  /** The folder's path under the corpus, as a scope names it (`laws`, `@uploads`). */
  folder: string;
  documents: number;
  passages: number;
}

/** `./laws/` → `laws`; the empty string for a path naming no folder. */
export function normalizeFolder(folder: string): string {
  return folder
    .trim()
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/** The folder a document's path lies in (`laws/labor.md` → `laws`); '' for a file at the corpus's top. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

const isUnder = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** Documents under `folder` (normalised), in corpus order. */
export function documentsInFolder(documents: readonly DocumentSummary[], folder: string): DocumentSummary[] {
  const name = normalizeFolder(folder);
  return name === '' ? [] : documents.filter((d) => isUnder(d.path, name));
}

/**
 * Every folder that holds a document, at any depth, with the documents and passages under it; uploads
 * are one folder (`@uploads`) whatever their names. Sorted by path, so a parent comes before its children.
 */
export function foldersOf(documents: readonly DocumentSummary[]): FolderSummary[] {
  const byFolder = new Map<string, FolderSummary>();
  for (const d of documents) {
    const parts = folderOf(d.path).split('/').filter(Boolean);
    for (let depth = 1; depth <= parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      const entry = byFolder.get(folder) ?? { folder, documents: 0, passages: 0 };
      entry.documents += 1;
      entry.passages += d.passages;
      byFolder.set(folder, entry);
    }
  }
  return [...byFolder.values()].sort((a, b) => a.folder.localeCompare(b.folder));
}

export const UPLOADS_FOLDER = UPLOADS_PREFIX.replace(/\/$/, '');

export type ScopeError = { code: 'unknown_document' | 'unknown_folder'; message: string };

/**
 * The documents a scope allows, or why it names nothing. No scope is the whole corpus (undefined). Both
 * a document and a folder may be given: the document must then lie in the folder.
 */
export function resolveScope(documents: readonly DocumentSummary[], scope: Scope, summary: (id: string) => DocumentSummary | undefined): ResolvedScope | ScopeError | undefined {
  const folder = scope.folder === undefined ? undefined : normalizeFolder(scope.folder);
  const inFolder = folder === undefined ? undefined : documentsInFolder(documents, folder);
  if (folder !== undefined && inFolder!.length === 0) return { code: 'unknown_folder', message: `no documents in folder "${scope.folder}"` };
  if (scope.docId !== undefined) {
    const doc = summary(scope.docId);
    if (!doc || (folder !== undefined && !isUnder(doc.path, folder))) {
      return { code: 'unknown_document', message: `no document with id ${scope.docId}${folder !== undefined ? ` in folder "${folder}"` : ''}` };
    }
    return { docIds: [doc.id], label: doc.title, kind: 'document' };
  }
  if (inFolder) return { docIds: inFolder.map((d) => d.id), label: folder!, kind: 'folder' };
  return undefined;
}

export const isScopeError = (r: ResolvedScope | ScopeError | undefined): r is ScopeError => r !== undefined && 'code' in r;
