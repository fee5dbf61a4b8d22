// A two-document corpus with vectors derived from the text, for isolated tests of one engine behaviour
// that must not load the model.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Eight numbers from the text's hash: the same text, the same vector. */
export const hashVector = (text: string) => [...createHash('sha256').update(text).digest()].slice(0, 8).map((b) => b / 255);

/** Writes the corpus (a hospital's and a school's investment; ginger acres) to `work`/corpus and returns that folder. */
export function writeSmallCorpus(work: string): string {
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir);
  writeFileSync(join(corpusDir, 'hospital.md'), '# 冀南新区\n\n总投资4.33亿元的冀南新区人民医院项目即将开工建设。冀南新区第一中学总投资2亿元。\n');
  writeFileSync(join(corpusDir, 'ginger.md'), '# 磁县生姜\n\n磁县推广种植生姜1000余亩。\n');
  return corpusDir;
}
