// `npm run eval`: retrieval quality on CMRC 2018 dev and on the seed question set, in one run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AnswerEngine } from '../engine/answer-engine.js';
import { runCli } from '../cli/run-cli.js';
import { loadConfig } from '../config.js';
import type { FusionMethod } from '../search/rank/fuse-scores.js';
import { normalizeForMatch } from '../text/normalize.js';
import { CMRC_ATTRIBUTION, loadCmrc } from './cmrc-bench.js';
import { OFF_TOPIC_QUESTIONS } from './off-topic-questions.js';
import { rankingMetrics, rankOf } from './ranking-metrics.js';
import seedQuestions from './seed-questions.json' with { type: 'json' };

const SIDES: Record<string, FusionMethod | undefined> = {
  keyword: { kind: 'weighted', keywordWeight: 1 },
  vector: { kind: 'weighted', keywordWeight: 0 },
  hybrid: undefined,
};

const contains = (text: string, evidence: string) => normalizeForMatch(text).includes(normalizeForMatch(evidence));
const fmt = (x: number) => x.toFixed(3);

async function openOn(corpusDir: string, indexDir: string) {
  const { modelDir } = loadConfig([]);
  return AnswerEngine.open({ corpusDir, indexDir, modelDir, log: (l) => console.error(`[eval] ${l}`) });
}

async function evalCmrc(benchDir: string, workDir: string, limit: number) {
  const { files, questions } = loadCmrc(benchDir);
  const corpusDir = join(workDir, 'cmrc-corpus');
  mkdirSync(corpusDir, { recursive: true });
  for (const f of files) writeFileSync(join(corpusDir, f.path), f.text);
  const engine = await openOn(corpusDir, resolve('index/eval-cmrc'));
  const ranks: Record<string, number[]> = { keyword: [], vector: [], hybrid: [] };
  let sentenceHits = 0;
  const qs = questions.slice(0, limit);
  for (const q of qs) {
    for (const [side, fusion] of Object.entries(SIDES)) {
      const result = await engine.ask({ question: q.question, topK: 10 }, fusion);
      ranks[side].push(rankOf(result.passages.map((p) => p.docId), q.docId));
      if (side === 'hybrid' && result.passages[0]) {
        const top = result.passages[0];
        const sentence = top.text.slice(top.quote.start, top.quote.end);
        if (q.answers.some((a) => contains(sentence, a))) sentenceHits++;
      }
    }
  }
  console.log(`\nCMRC 2018 dev: ${files.length} paragraphs as a corpus folder, ${qs.length} questions (${CMRC_ATTRIBUTION})`);
  console.log('| ranking | R@1 | R@5 | MRR@10 |\n|---|---|---|---|');
  for (const side of Object.keys(SIDES)) {
    const m = rankingMetrics(ranks[side]);
    console.log(`| ${side} | ${fmt(m.recallAt1)} | ${fmt(m.recallAt5)} | ${fmt(m.mrrAt10)} |`);
  }
  console.log(`answer sentence (hybrid, top passage) contains a gold answer: ${fmt(sentenceHits / qs.length)}`);
}

async function evalSeeds() {
  const questions = seedQuestions;
  const engine = await openOn(resolve('seeds'), resolve('index/eval-seeds'));
  let hit1 = 0;
  let hit5 = 0;
  let answered = 0;
  let quoteHits = 0;
  const misses: string[] = [];
  const answeredRelevance: string[] = [];
  for (const q of questions) {
    const r = await engine.ask({ question: q.question, topK: 5 });
    const rank = r.passages.findIndex((p) => contains(p.text, q.evidence));
    if (rank === 0) hit1++;
    if (rank >= 0) hit5++;
    else misses.push(`${q.question} → ${r.passages[0]?.text.slice(0, 40)}`);
    if (r.answer) answered++;
    else misses.push(`(no answer) ${q.question}`);
    if (r.answer && contains(r.answer.text, q.evidence)) quoteHits++;
    answeredRelevance.push(`${r.passages[0]?.scores.vector.toFixed(3)}`);
  }
  console.log(`\nSeeds: ${questions.length} questions written for the five seed pages`);
  console.log(`Hit@1 ${fmt(hit1 / questions.length)}  Hit@5 ${fmt(hit5 / questions.length)}  answered ${answered}/${questions.length}  answer sentence holds the evidence ${fmt(quoteHits / questions.length)}`);
  for (const m of misses) console.log(`  miss: ${m}`);
  let nulls = 0;
  for (const q of OFF_TOPIC_QUESTIONS) {
    const r = await engine.ask({ question: q });
    if (!r.answer) nulls++;
    else console.log(`  answered off-topic: ${q} → ${r.answer.text.slice(0, 40)} (vector ${r.passages[0].scores.vector})`);
  }
  console.log(`off-topic questions with answer null: ${nulls}/${OFF_TOPIC_QUESTIONS.length}`);
  const sorted = answeredRelevance.map(Number).sort((a, b) => a - b);
  console.log(`lowest top-passage cosine among in-corpus questions: ${sorted.slice(0, 3).join(', ')}`);
}

runCli(async () => {
  const limit = Number(process.env.EVAL_LIMIT ?? Infinity);
  const workDir = mkdtempSync(join(tmpdir(), 'xunyuan-eval-'));
  try {
    await evalSeeds();
    await evalCmrc(resolve('../shared/bench'), workDir, limit);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});
