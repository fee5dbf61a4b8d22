// One source file → its cleaned articles, paragraphs and sentences, every character traceable.
import { buildParagraphs } from './build-paragraphs.js';
import type { ParsedDocument } from './document-model.js';
import { splitArticles } from './split-articles.js';
import { splitSentences } from './split-sentences.js';

export function parseDocument(id: string, path: string, source: string, fallbackTitle: string): ParsedDocument {
  const raw = splitArticles(buildParagraphs(source), fallbackTitle);
  let index = 0;
  const articles = raw.map((article, articleIndex) => ({
    index: articleIndex,
    title: article.title,
    paragraphs: article.paragraphs.map(({ paragraph, section }) => {
      const i = index++;
      return {
        index: i,
        anchor: `p${i}`,
        kind: paragraph.kind,
        text: paragraph.text,
        map: paragraph.map,
        sentences: splitSentences(paragraph.text),
        ...(section ? { section } : {}),
      };
    }),
  }));
  const title = articles.find((a) => a.title !== fallbackTitle)?.title ?? fallbackTitle;
  return { id, path, title, articles };
}
