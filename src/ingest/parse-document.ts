// One source file → its cleaned articles, paragraphs and sentences, every character traceable.
import { buildParagraphs } from './build-paragraphs.js';
import { pageFinder } from './formats/pages.js';
import type { ParsedDocument } from './document-model.js';
import { splitArticles } from './split-articles.js';
import { splitSentences } from './split-sentences.js';

/**
 * Bump when cleaning, paragraphs, articles or sentences come out differently for the same file: the
 * index fingerprint carries it, so stored parses are redone (vectors of unchanged texts still serve).
 * 2: sentences bounded in length; spaces kept between accented Latin, Greek and Cyrillic words.
 * 3: page numbers of paged sources.
 */
export const PARSER_VERSION = 3;

export function parseDocument(id: string, path: string, source: string, fallbackTitle: string): ParsedDocument {
  const raw = splitArticles(buildParagraphs(source), fallbackTitle);
  const pageAt = pageFinder(source);
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
        ...(pageAt ? { page: pageAt(paragraph.map[0] ?? 0) } : {}),
      };
    }),
  }));
  const title = articles.find((a) => a.title !== fallbackTitle)?.title ?? fallbackTitle;
  return { id, path, title, articles };
}
