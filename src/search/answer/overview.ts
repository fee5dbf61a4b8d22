// The answer to a broad question (`../question/broad-question.ts`): the documents' structure, each
// document with its articles' headlines, linked.
import type { DocumentSummary } from '../index/corpus.js';
import { documentUrl } from '../../urls.js';

export const OVERVIEW_MESSAGE = '这个问题问的是文档整体：下面是各篇文档和其中的文章';

export interface DocumentOverview {
  docId: string;
  title: string;
  url: string;
  articles: { title: string; url: string }[];
}

export const overviewOf = (documents: readonly DocumentSummary[]): DocumentOverview[] =>
  documents.map((d) => ({ docId: d.id, title: d.title, url: documentUrl(d.id), articles: d.articles.map((a) => ({ title: a.title, url: documentUrl(d.id, `a${a.index}`) })) }));
