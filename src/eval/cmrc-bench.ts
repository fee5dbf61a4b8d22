// CMRC 2018 dev (CC BY-SA 4.0, Cui et al., EMNLP 2019) from ../shared/bench, as a corpus and questions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../ingest/read-corpus.js';

export interface BenchQuestion {
  id: string;
  question: string;
  answers: string[];
  docId: string;
}

export const CMRC_ATTRIBUTION =
  'CMRC 2018 dev (Cui et al., EMNLP 2019), CC BY-SA 4.0, https://github.com/ymcui/cmrc2018';

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** Each paragraph becomes a Markdown file `# title` + text, exactly as a user's folder would hold it. */
export function loadCmrc(benchDir: string): { files: SourceFile[]; questions: BenchQuestion[] } {
  const docs = readJsonl<{ id: string; title: string; text: string }>(join(benchDir, 'cmrc2018-dev.docs.jsonl'));
  const files = docs.map((d) => ({
    id: d.id,
    path: `${d.id}.md`,
    name: d.id,
    text: d.title ? `# ${d.title}\n\n${d.text}` : d.text,
  }));
  const questions = readJsonl<{ id: string; question: string; answers: string[]; doc_id: string }>(
    join(benchDir, 'cmrc2018-dev.questions.jsonl'),
  ).map((q) => ({ id: q.id, question: q.question, answers: q.answers, docId: q.doc_id }));
  return { files, questions };
}
