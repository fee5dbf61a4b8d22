// Where the question's words occur in a passage, as offsets: the page builds highlights from these
// offsets, never from HTML.
import type { Span } from '../../ingest/split-sentences.js';
import type { Token } from '../tokenize/tokenize.js';

/**
 * A lone Chinese character (`路`, `镇`) occurs all over a passage and says little: marking each one
 * buries the words that matter. Words of two characters or more, numbers and Latin words are marked.
 */
const worthMarking = (term: string) => term.length >= 2 || /[0-9a-z]/.test(term);

/** Spans of the tokens that are query terms worth marking, neighbours merged into one highlight. */
export function findHighlights(tokens: readonly Token[], terms: ReadonlyMap<string, unknown>): Span[] {
  const spans: Span[] = [];
  for (const token of tokens) {
    if (!terms.has(token.term) || !worthMarking(token.term)) continue;
    const last = spans[spans.length - 1];
    if (last && token.start <= last.end) last.end = Math.max(last.end, token.end);
    else spans.push({ start: token.start, end: token.end });
  }
  return spans;
}
