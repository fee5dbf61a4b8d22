// What the documents page shows of a corpus of any size: the documents matching a title search, in one
// folder or all, grouped by folder and cut into pages, each with its type, size, date and counts. The
// page (`views/document-list-page.tsx`) only renders this.
import type { AnswerEngine } from '../engine/answer-engine.js';
import { documentsInFolder, folderOf, foldersOf, normalizeFolder, type FolderSummary } from '../engine/scope.js';
import type { DocumentSummary } from '../search/index/corpus.js';
import { normalizeForMatch } from '../text/normalize.js';

/** Documents on one page of the list: 50 rows keep the page near 40 KB, whatever the corpus. */
export const DOCUMENTS_PER_PAGE = 50;

export interface ListingRequest {
  q?: string;
  folder?: string;
  page?: number;
}

export interface DocumentRow {
  doc: DocumentSummary;
  /** The file's extension, upper case (PDF, DOCX, MD…). */
  type: string;
  bytes?: number;
  modified?: Date;
  /** For paged sources: how many pages the text came from. */
  pages?: number;
}

export interface DocumentGroup {
  folder: string;
  rows: DocumentRow[];
}

export interface DocumentListing {
  q: string;
  folder: string;
  /** Documents matching the search in the folder, on every page. */
  matching: number;
  page: number;
  pages: number;
  groups: DocumentGroup[];
  /** The folders to narrow to from here: the top-level ones, or the chosen folder's own subfolders. */
  folders: FolderSummary[];
  /** Every document of the corpus. */
  total: number;
}

const typeOf = (path: string) => (/\.([^./]+)$/.exec(path)?.[1] ?? '').toUpperCase();

/** A title or path holds the search words, in either script, ignoring case and spacing. */
function matches(doc: DocumentSummary, words: string[]): boolean {
  const haystack = normalizeForMatch(`${doc.title} ${doc.path}`).toLowerCase();
  return words.every((w) => haystack.includes(w));
}

function pagesOf(engine: AnswerEngine, doc: DocumentSummary): number | undefined {
  if (!/\.(pdf|tiff?)$/i.test(doc.path)) return undefined;
  const pages = engine.document(doc.id)?.articles.flatMap((a) => a.paragraphs.map((p) => p.page ?? 0)) ?? [];
  return pages.length ? Math.max(...pages) || undefined : undefined;
}

/** The folders directly below `folder` ('' for the top), with their counts. */
function childFolders(all: FolderSummary[], folder: string): FolderSummary[] {
  const depth = folder === '' ? 0 : folder.split('/').length;
  return all.filter((f) => f.folder.split('/').length === depth + 1 && (folder === '' || f.folder.startsWith(`${folder}/`)));
}

export function listDocuments(engine: AnswerEngine, request: ListingRequest): DocumentListing {
  const all = engine.documents();
  const folder = normalizeFolder(request.folder ?? '');
  const q = (request.q ?? '').trim().slice(0, 100);
  const words = normalizeForMatch(q).toLowerCase().split(/\s+/).filter(Boolean);
  const inFolder = folder === '' ? all : documentsInFolder(all, folder);
  const found = (words.length ? inFolder.filter((d) => matches(d, words)) : [...inFolder]).sort(
    (a, b) => folderOf(a.path).localeCompare(folderOf(b.path)) || a.path.localeCompare(b.path),
  );
  const pages = Math.max(1, Math.ceil(found.length / DOCUMENTS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.floor(request.page ?? 1) || 1), pages);
  const groups: DocumentGroup[] = [];
  for (const doc of found.slice((page - 1) * DOCUMENTS_PER_PAGE, page * DOCUMENTS_PER_PAGE)) {
    const file = engine.fileOf(doc);
    const row: DocumentRow = { doc, type: typeOf(doc.path), bytes: file?.bytes, modified: file?.modified, pages: pagesOf(engine, doc) };
    const name = folderOf(doc.path);
    const last = groups.at(-1);
    if (last?.folder === name) last.rows.push(row);
    else groups.push({ folder: name, rows: [row] });
  }
  return { q, folder, matching: found.length, page, pages, groups, folders: childFolders(foldersOf(all), folder), total: all.length };
}
