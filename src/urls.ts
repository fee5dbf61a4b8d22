// Every link into the documents pages, built here only: the answer, the citations, the overview, the
// pages and the server's routes agree on one shape.

/** The documents page. */
export const DOCS_URL = '/docs';

/** A document's page, at an anchor (`p8` a paragraph, `a2` an article) when given. */
export const documentUrl = (docId: string, anchor?: string) => `${DOCS_URL}/${encodeURIComponent(docId)}${anchor ? `#${anchor}` : ''}`;

/** A document's page with the cited words of a paragraph marked (`?p=p8&s=12&e=40#p8`). */
export function citedUrl(docId: string, anchor: string, start: number, end: number): string {
  const params = new URLSearchParams({ p: anchor, s: String(start), e: String(end) });
  return `${DOCS_URL}/${encodeURIComponent(docId)}?${params}#${anchor}`;
}

/** A scanned page's image, `n` counted from 0. */
export const scanImageUrl = (docId: string, n: number) => `${DOCS_URL}/${encodeURIComponent(docId)}/scans/${n}`;

/** Where the documents page's form deletes a document. */
export const deleteDocumentUrl = (docId: string) => `${DOCS_URL}/${encodeURIComponent(docId)}/delete`;

/** The documents page after a deletion, naming what was deleted. */
export const removedUrl = (title: string) => `${DOCS_URL}?removed=${encodeURIComponent(title)}`;

/** The documents page: a title search, a folder, a page of the list (empty ones left out). */
export function listUrl(params: { q?: string; folder?: string; page?: number }): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.folder) query.set('folder', params.folder);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `${DOCS_URL}?${text}` : DOCS_URL;
}

/** The documents page showing one folder's documents. */
export const folderUrl = (folder: string) => listUrl({ folder });

/** The chat page scoped to a document just added, saying so (`duplicate`: it was there already). */
export function addedUrl(docId: string, duplicate: boolean): string {
  const id = encodeURIComponent(docId);
  return `/?added=${id}&doc=${id}${duplicate ? '&duplicate=1' : ''}`;
}
