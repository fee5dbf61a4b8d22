// The real-document development set (`../shared/realdocs-dev/`: 76 documents from 13 public
// repositories, questions with evidence, unanswerable questions; licences in its SOURCES.md), and
// keyword-style queries written here for some of its questions (`realdocs-keyword-queries.json`, each
// naming the question it asks again): the same evidence asked the way people type into a search box.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import keywordQueries from './realdocs-keyword-queries.json' with { type: 'json' };

export interface RealdocsQuestion {
  q: string;
  evidence: string;
  /** The answering document, relative to `corpus/`. */
  file: string;
  type: string;
}

export interface RealdocsUnanswerable {
  q: string;
  kind: 'near_miss' | 'far';
  closest_file: string | null;
}

export const REALDOCS_ATTRIBUTION = 'realdocs-dev: 76 documents from 13 public repositories, per-file licences in its SOURCES.md';

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

export function loadRealdocs(root: string) {
  const questions = readJsonl<RealdocsQuestion>(join(root, 'questions.jsonl'));
  const byText = new Map(questions.map((q) => [q.q, q]));
  return {
    corpusDir: join(root, 'corpus'),
    questions,
    keywordQueries: keywordQueries.map(({ q, asks }) => {
      const original = byText.get(asks);
      if (!original) throw new Error(`realdocs-keyword-queries.json: no question "${asks}" in ${root}`);
      return { ...original, q };
    }),
    unanswerable: readJsonl<RealdocsUnanswerable>(join(root, 'unanswerable.jsonl')),
  };
}
