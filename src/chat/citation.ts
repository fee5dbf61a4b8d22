// Where a passage came from, said for a person ("《标题》· 文章 · 第3段"), and the link that opens its
// paragraph in the source view with the quoted sentence marked.
import type { AnswerEngine } from '../engine/answer-engine.js';
import type { PassageResult } from '../search/answer/compose-answer.js';

export interface Citation {
  documentTitle: string;
  articleTitle: string;
  paragraphLabel: string;
  href: string;
}

export function citationOf(engine: AnswerEngine, p: PassageResult): Citation {
  const passage = engine.passage(p.id);
  const documentTitle = engine.document(p.docId)?.title ?? p.docId;
  if (!passage) return { documentTitle, articleTitle: p.title, paragraphLabel: '', href: p.url };
  const params = new URLSearchParams({
    p: passage.anchor,
    s: String(passage.start + p.quote.start),
    e: String(passage.start + p.quote.end),
  });
  return {
    documentTitle,
    articleTitle: p.title,
    paragraphLabel: passage.page ? `第${passage.page}页 · 第${passage.paragraphIndex + 1}段` : `第${passage.paragraphIndex + 1}段`,
    href: `/docs/${encodeURIComponent(p.docId)}?${params}#${passage.anchor}`,
  };
}

/** Where a passage is from, as one line of plain text: `《标题》 · 文章 · 第3段`. */
export const citationText = (cite: Citation) =>
  `《${cite.documentTitle}》${cite.articleTitle !== cite.documentTitle ? ` · ${cite.articleTitle}` : ''}${cite.paragraphLabel ? ` · ${cite.paragraphLabel}` : ''}`;
