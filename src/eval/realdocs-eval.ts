// The real-document development set, indexed as a user would index a folder (`../shared/realdocs-dev`),
// measured as its README scores a system: answered, the answer sentence holds the evidence (whitespace
// removed), the top passage is from the right file, unanswerable questions refused; then how often an
// answer marked 高 is wrong, and an audit of what reading made of the documents: titles that are a
// chapter heading, a speaker or glossary line or a file name, and passages that are page furniture.
import { writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { AnswerEngine } from '../engine/answer-engine.js';
import type { AskResult } from '../search/answer/compose-answer.js';
import { openEngineOn } from './cmrc-engine.js';
import { loadRealdocs, REALDOCS_ATTRIBUTION, type RealdocsQuestion } from './realdocs-bench.js';

const squeeze = (text: string) => text.replace(/\s+/g, '');
const share = (n: number, of: number) => `${(n / Math.max(of, 1)).toFixed(3)} (${n}/${of})`;

/** Titles no person would give a document. */
const BAD_TITLES: [string, RegExp][] = [
  ['a chapter, part or article heading', /^第[一二三四五六七八九十百千零〇0-9]+[编章节条部分篇]/],
  ['a speaker line', /^(?:省长|市长|主任|主席|书记|局长|校长|院长|理事长|执行长)\s*\S{2,4}$/],
  ['a glossary heading', /名词(?:注释|解释)|^注释$/],
  ['markup', /<!--|-->|INFO END|^[#*>|-]/],
];

/** Passages that are page furniture or web chrome rather than text. */
const FURNITURE: [string, RegExp][] = [
  ['a page number', /^(?:[-—–]\s*[0-9]+\s*[-—–]|[0-9]+\s*\/\s*[0-9]+|第\s*[0-9]+\s*页.*)$/],
  // A tool button or link alone on its line (a sentence starting 下载… is text), a font-size switch, a source line.
  ['web chrome', /^(?:(?:下载|打印|全屏|收藏|分享|返回顶部|上一篇|下一篇|查看原文|阅读原文)[\s　]*)+$|^【?字号|^来源[:：]/],
  // An arrow (`“设置” --> “提醒服务”`) is text; only an opening comment mark is markup.
  ['an HTML comment', /<!--/],
];

interface Tally {
  asked: number;
  answered: number;
  evidence: number;
  topFile: number;
  high: number;
  highWrong: number;
}

const newTally = (): Tally => ({ asked: 0, answered: 0, evidence: 0, topFile: 0, high: 0, highWrong: 0 });

function tallyAnswerable(t: Tally, q: RealdocsQuestion, r: AskResult, pathOf: (docId: string) => string | undefined, misses: string[]): void {
  t.asked++;
  const top = r.passages[0];
  if (top && pathOf(top.docId) === q.file) t.topFile++;
  if (!r.answer) {
    misses.push(`(refused) ${q.q}`);
    return;
  }
  t.answered++;
  const right = squeeze(r.answer.text).includes(squeeze(q.evidence));
  if (right) t.evidence++;
  else misses.push(`${q.q} → [${pathOf(r.answer.docId)}] ${r.answer.text.slice(0, 60)}`);
  if (top?.relevance.level === '高') {
    t.high++;
    if (!right) t.highWrong++;
  }
}

function printTally(name: string, t: Tally): void {
  console.log(
    `${name}: answered ${share(t.answered, t.asked)}; answer sentence holds the evidence ${share(t.evidence, t.asked)}; ` +
      `top passage from the right file ${share(t.topFile, t.asked)}; answers marked 高 wrong ${share(t.highWrong, t.high)}`,
  );
}

/** Titles and passages that reading should never have produced, counted and sampled. */
function auditReading(engine: AnswerEngine): void {
  const titles = new Map<string, string[]>();
  const furniture = new Map<string, string[]>();
  const note = (into: Map<string, string[]>, what: string, sample: string) => into.set(what, [...(into.get(what) ?? []), sample]);
  const seen = new Map<string, Set<string>>();
  for (const d of engine.documents()) {
    const stem = basename(d.path, extname(d.path));
    if (d.title === stem) note(titles, 'the file name', `${d.path}: 《${d.title}》`);
    for (const [what, rule] of BAD_TITLES) if (rule.test(d.title)) note(titles, what, `${d.path}: 《${d.title}》`);
    for (const p of engine.document(d.id)?.articles.flatMap((a) => a.paragraphs) ?? []) {
      for (const [what, rule] of FURNITURE) if (rule.test(p.text)) note(furniture, what, `${d.path}: ${p.text.slice(0, 40)}`);
      if (p.text.length >= 2 && p.text.length <= 40) seen.set(p.text, (seen.get(p.text) ?? new Set()).add(d.path));
    }
  }
  for (const [text, paths] of seen) if (paths.size >= 4) note(furniture, 'a short line repeated in 4 or more documents', `${text} (${paths.size} documents)`);
  const titleCount = [...titles.values()].reduce((n, xs) => n + xs.length, 0);
  const furnitureCount = [...furniture.values()].reduce((n, xs) => n + xs.length, 0);
  console.log(`titles no person would give: ${titleCount} of ${engine.documents().length} documents`);
  for (const [what, samples] of titles) console.log(`  ${what} (${samples.length}): ${samples.slice(0, 4).join('; ')}`);
  console.log(`paragraphs that are page furniture or chrome: ${furnitureCount}`);
  for (const [what, samples] of furniture) console.log(`  ${what} (${samples.length}): ${samples.slice(0, 4).join('; ')}`);
}

export async function evalRealdocs(root = resolve('../shared/realdocs-dev'), verbose = false): Promise<void> {
  const set = loadRealdocs(root);
  const engine = await openEngineOn(set.corpusDir, 'eval-realdocs');
  const paths = new Map(engine.documents().map((d) => [d.id, d.path]));
  const pathOf = (docId: string) => paths.get(docId);
  const predictions: string[] = [];
  const ask = async (q: string) => {
    const r = await engine.ask({ question: q, topK: 5 });
    predictions.push(JSON.stringify({ q, answer: r.answer?.text ?? '', refused: !r.answer, top_file: r.passages[0] ? pathOf(r.passages[0].docId) : null }));
    return r;
  };
  const misses: string[] = [];
  const questions = newTally();
  for (const q of set.questions) tallyAnswerable(questions, q, await ask(q.q), pathOf, misses);
  const keywords = newTally();
  for (const q of set.keywordQueries) tallyAnswerable(keywords, q, await ask(q.q), pathOf, misses);
  const refused = { near_miss: [0, 0], far: [0, 0] };
  let highUnanswerable = 0;
  for (const u of set.unanswerable) {
    const r = await ask(u.q);
    refused[u.kind][1]++;
    if (!r.answer) refused[u.kind][0]++;
    else {
      misses.push(`(answered, ${u.kind}) ${u.q} → ${r.answer.text.slice(0, 50)}`);
      if (r.passages[0]?.relevance.level === '高') highUnanswerable++;
    }
  }
  console.log(`\nReal documents (${REALDOCS_ATTRIBUTION}): ${engine.documents().length} documents, ${engine.passageCount} passages`);
  printTally(`questions (${set.questions.length})`, questions);
  printTally(`keyword-style queries (${set.keywordQueries.length})`, keywords);
  const allRefused = refused.near_miss[0] + refused.far[0];
  console.log(
    `unanswerable refused: ${share(allRefused, set.unanswerable.length)}; near misses ${share(refused.near_miss[0], refused.near_miss[1])}, ` +
      `far ${share(refused.far[0], refused.far[1])}; answered and marked 高: ${highUnanswerable}`,
  );
  auditReading(engine);
  writeFileSync(resolve('index/eval-realdocs-predictions.jsonl'), predictions.join('\n') + '\n');
  console.log('predictions for its tools/score.py: index/eval-realdocs-predictions.jsonl');
  if (verbose) for (const m of misses) console.log(`  miss: ${m}`);
}
