// The encyclopedia sets in ../shared/bench, each as a corpus and questions: CMRC 2018 dev (CC BY-SA 4.0,
// Cui et al., EMNLP 2019) and DRCD dev (CC BY-SA 3.0, Shao et al., 2018; Traditional Chinese).
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

export const DRCD_ATTRIBUTION = 'DRCD dev (Shao et al., 2018), CC BY-SA 3.0, https://github.com/DRCKnowledgeTeam/DRCD';

/** Each paragraph becomes a Markdown file `# title` + text, exactly as a user's folder would hold it. */
export function loadBench(benchDir: string, set: 'cmrc2018-dev' | 'drcd-dev'): { files: SourceFile[]; questions: BenchQuestion[] } {
  const docs = readJsonl<{ id: string; title: string; text: string }>(join(benchDir, `${set}.docs.jsonl`));
  const files = docs.map((d) => ({
    id: d.id,
    path: `${d.id}.md`,
    name: d.id,
    text: d.title ? `# ${d.title}\n\n${d.text}` : d.text,
  }));
  const questions = readJsonl<{ id: string; question: string; answers: string[]; doc_id: string }>(
    join(benchDir, `${set}.questions.jsonl`),
  ).map((q) => ({ id: q.id, question: q.question, answers: q.answers, docId: q.doc_id }));
  return { files, questions };
}

export const loadCmrc = (benchDir: string) => loadBench(benchDir, 'cmrc2018-dev');
