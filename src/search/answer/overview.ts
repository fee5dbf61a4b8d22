// The answer to a broad question (`../question/broad-question.ts`): the documents' structure. A few
// documents are listed each with its articles' headlines, linked; a large corpus is summarised by
// folder instead, each with its count and its largest documents, so the answer stays readable.
import type { DocumentSummary } from '../index/corpus.js';
import { documentUrl, folderUrl } from '../../urls.js';

export const OVERVIEW_MESSAGE = '这个问题问的是文档整体：下面是各篇文档和其中的文章';
export const FOLDER_OVERVIEW_MESSAGE = '这个问题问的是文档整体：文档较多，下面按文件夹列出篇数和其中最大的几篇';

/** Past this many documents, the overview lists folders rather than documents. */
export const OVERVIEW_MAX_DOCUMENTS = 12;
/** The largest documents named under each folder. */
const LARGEST_SHOWN = 3;

/** A document with its articles, or (for a large corpus) a folder with its largest documents as `articles`. */
export interface DocumentOverview {
  docId?: string;
  /** Present for a folder's entry: its path under the corpus ('' for files at the top). */
  folder?: string;
  /** A folder's entry: how many documents lie under it. */
  documents?: number;
  title: string;
  url: string;
  articles: { title: string; url: string }[];
}

/** How an entry is named in a list: a document in 《》, a folder as it is. */
export const overviewLabel = (d: DocumentOverview) => (d.folder === undefined ? `《${d.title}》` : d.title);

const topFolder = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

function byFolder(documents: readonly DocumentSummary[]): DocumentOverview[] {
  const groups = new Map<string, DocumentSummary[]>();
  for (const d of documents) groups.set(topFolder(d.path), [...(groups.get(topFolder(d.path)) ?? []), d]);
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([folder, docs]) => ({
      folder,
      documents: docs.length,
      title: `${folder || '顶层文件'}（${docs.length} 篇）`,
      url: folderUrl(folder),
      articles: [...docs]
        .sort((a, b) => b.passages - a.passages)
        .slice(0, LARGEST_SHOWN)
        .map((d) => ({ title: d.title, url: documentUrl(d.id) })),
    }));
}

export function overviewOf(documents: readonly DocumentSummary[]): { message: string; overview: DocumentOverview[] } {
  if (documents.length > OVERVIEW_MAX_DOCUMENTS) return { message: FOLDER_OVERVIEW_MESSAGE, overview: byFolder(documents) };
  return {
    message: OVERVIEW_MESSAGE,
    overview: documents.map((d) => ({ docId: d.id, title: d.title, url: documentUrl(d.id), articles: d.articles.map((a) => ({ title: a.title, url: documentUrl(d.id, `a${a.index}`) })) })),
  };
}
