// Scopes on their own: folder paths read as people write them, folders found at every depth, and a
// scope that names nothing said to name nothing.
import { describe, expect, it } from 'vitest';
import { documentsInFolder, folderOf, foldersOf, isScopeError, normalizeFolder, resolveScope } from '../../src/engine/scope.js';
import type { DocumentSummary } from '../../src/search/index/corpus.js';

const doc = (id: string, path: string, passages = 1): DocumentSummary => ({ id, path, title: id, sourceHash: id, articles: [], passages });
const DOCS = [doc('a', 'laws/labor.md', 3), doc('b', 'laws/civil/marriage.md', 2), doc('c', 'lawsuits/case.md'), doc('d', 'top.txt'), doc('u', '@uploads/note.txt')];
const summary = (id: string) => DOCS.find((d) => d.id === id);

describe('scope', () => {
  it('reads folder paths as people type them', () => {
    expect(normalizeFolder(' ./laws/ ')).toBe('laws');
    expect(normalizeFolder('laws\\civil')).toBe('laws/civil');
    expect(normalizeFolder('/')).toBe('');
    expect(folderOf('laws/civil/marriage.md')).toBe('laws/civil');
    expect(folderOf('top.txt')).toBe('');
  });

  it('a folder holds its subfolders but not a folder whose name only starts the same', () => {
    expect(documentsInFolder(DOCS, 'laws').map((d) => d.id)).toEqual(['a', 'b']);
    expect(documentsInFolder(DOCS, 'law')).toEqual([]);
    expect(documentsInFolder(DOCS, '@uploads').map((d) => d.id)).toEqual(['u']);
  });

  it('lists every folder at every depth with what lies under it', () => {
    expect(foldersOf(DOCS)).toEqual([
      { folder: '@uploads', documents: 1, passages: 1 },
      { folder: 'laws', documents: 2, passages: 5 },
      { folder: 'laws/civil', documents: 1, passages: 2 },
      { folder: 'lawsuits', documents: 1, passages: 1 },
    ]);
  });

  it('resolves a folder, a document, both, and nothing; refuses what names nothing', () => {
    expect(resolveScope(DOCS, {}, summary)).toBeUndefined();
    expect(resolveScope(DOCS, { folder: 'laws/' }, summary)).toEqual({ docIds: ['a', 'b'], label: 'laws', kind: 'folder' });
    expect(resolveScope(DOCS, { docId: 'c' }, summary)).toEqual({ docIds: ['c'], label: 'c', kind: 'document' });
    expect(resolveScope(DOCS, { docId: 'b', folder: 'laws' }, summary)).toMatchObject({ docIds: ['b'] });
    const outside = resolveScope(DOCS, { docId: 'c', folder: 'laws' }, summary);
    expect(isScopeError(outside) && outside.code).toBe('unknown_document');
    const none = resolveScope(DOCS, { folder: 'cases' }, summary);
    expect(isScopeError(none) && none.code).toBe('unknown_folder');
    expect(isScopeError(resolveScope(DOCS, { folder: '' }, summary))).toBe(true);
  });
});
