// `npm run fit:levels`: where 相关度 高 starts, fitted on three collections at once: CMRC 2018 dev, DRCD
// dev and the real-document development set with its keyword-style queries. Every question is asked
// once; each answer is recorded with its confidence (how close and how well-matched the passage is),
// the share of the question's key words its quoted sentence holds, and whether the sentence holds the
// gold answer (the evidence, for realdocs-dev). 高 is meant to be right at least 95% of the time.
// Confidence alone cannot get there on the encyclopedia sets (about 9% of answers above any bar are
// wrong: the passage is right, the sentence picked is not), so 高 takes two bars, one for each:
// `HIGH_CONFIDENCE` and `HIGH_SENTENCE_COVERAGE` (`../search/answer/no-answer.ts`). The pair chosen is
// the one marking the most answers 高 (the mean of each collection's share) while every collection's
// answers above both are wrong at most MAX_WRONG of the time. Five folds split by document: the pair
// is chosen on four and measured on the fifth, each collection reported on its own.
import { resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import type { AnswerEngine } from '../engine/answer-engine.js';
import { normalizeForMatch } from '../text/normalize.js';
import { CMRC_ATTRIBUTION, DRCD_ATTRIBUTION, loadBench } from './cmrc-bench.js';
import { indexFolder, openCmrcEngine, openCorpusEngine, openEngineOn } from './cmrc-engine.js';
import { FOLDS, foldOf } from './document-folds.js';
import { loadRealdocs, REALDOCS_ATTRIBUTION } from './realdocs-bench.js';

/** Wrong answers allowed among those marked 高, on the folds the bars are chosen on. */
const MAX_WRONG = 0.05;
const CONFIDENCE_BARS = Array.from({ length: 16 }, (_, i) => 0.5 + i * 0.02);
const SENTENCE_BARS = Array.from({ length: 11 }, (_, i) => 0.5 + i * 0.05);

interface Answer {
  fold: number;
  confidence: number;
  sentence: number;
  right: boolean;
}

interface Bars {
  confidence: number;
  sentence: number;
}

const squeeze = (text: string) => normalizeForMatch(text).replace(/\s+/g, '');

async function answersOf(engine: AnswerEngine, questions: { question: string; docId: string; gold: string[] }[]): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const q of questions) {
    const { result: r, sentence } = await engine.askJudged({ question: q.question });
    if (!r.answer || !r.passages[0]) continue;
    out.push({ fold: foldOf(q.docId), confidence: r.passages[0].relevance.confidence, sentence: sentence ?? 0, right: q.gold.some((g) => squeeze(r.answer!.text).includes(squeeze(g))) });
  }
  return out;
}

/** The answers marked 高 under these bars, and how many of them are wrong. */
function high(answers: Answer[], bars: Bars): { wrong: number; of: number } {
  const above = answers.filter((a) => a.confidence >= bars.confidence && a.sentence >= bars.sentence);
  return { wrong: above.filter((a) => !a.right).length, of: above.length };
}

/** The pair marking the most answers 高 with every collection's wrong share at most MAX_WRONG. */
function chooseBars(collections: Answer[][]): Bars {
  let best: Bars = { confidence: CONFIDENCE_BARS.at(-1)!, sentence: SENTENCE_BARS.at(-1)! };
  let bestShare = -1;
  for (const confidence of CONFIDENCE_BARS) {
    for (const sentence of SENTENCE_BARS) {
      const counts = collections.map((answers) => ({ ...high(answers, { confidence, sentence }), total: answers.length }));
      if (counts.some((c) => c.of > 0 && c.wrong / c.of > MAX_WRONG)) continue;
      const share = counts.reduce((sum, c) => sum + c.of / Math.max(c.total, 1), 0) / counts.length;
      if (share > bestShare) {
        bestShare = share;
        best = { confidence, sentence };
      }
    }
  }
  return best;
}

const describe = (answers: Answer[], bars: Bars) => {
  const { wrong, of } = high(answers, bars);
  return `高 on ${of} of ${answers.length} answers, ${wrong} wrong (${((100 * wrong) / Math.max(of, 1)).toFixed(1)}%)`;
};

runCli(async () => {
  const bench = resolve('../shared/bench');
  const cmrc = loadBench(bench, 'cmrc2018-dev');
  const drcd = loadBench(bench, 'drcd-dev');
  const realdocs = loadRealdocs(resolve('../shared/realdocs-dev'));
  const asBench = (qs: typeof cmrc.questions) => qs.map((q) => ({ question: q.question, docId: q.docId, gold: q.answers }));
  const collections: { name: string; answers: Answer[] }[] = [
    { name: `CMRC 2018 dev (${CMRC_ATTRIBUTION})`, answers: await answersOf(await openCmrcEngine(), asBench(cmrc.questions)) },
    { name: `DRCD dev (${DRCD_ATTRIBUTION})`, answers: await answersOf(await openCorpusEngine(drcd.files, resolve('index/eval-drcd-corpus'), indexFolder('eval-drcd')), asBench(drcd.questions)) },
    {
      name: `realdocs-dev with keyword-style queries (${REALDOCS_ATTRIBUTION})`,
      answers: await answersOf(
        await openEngineOn(realdocs.corpusDir, 'eval-realdocs'),
        [...realdocs.questions, ...realdocs.keywordQueries].map((q) => ({ question: q.q, docId: q.file, gold: [q.evidence] })),
      ),
    },
  ];
  console.log('| confidence bar | sentence bar | ' + collections.map((c) => `${c.name.split(' (')[0]}: 高, wrong`).join(' | ') + ' |');
  for (const confidence of CONFIDENCE_BARS.filter((_, i) => i % 5 === 0)) {
    for (const sentence of [0, 0.7, 0.9]) {
      const cells = collections.map((c) => {
        const { wrong, of } = high(c.answers, { confidence, sentence });
        return `${of}, ${((100 * wrong) / Math.max(of, 1)).toFixed(1)}%`;
      });
      console.log(`| ${confidence.toFixed(2)} | ${sentence.toFixed(2)} | ${cells.join(' | ')} |`);
    }
  }
  const held = collections.map(() => [] as Answer[]);
  const chosen: Bars[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const bars = chooseBars(collections.map((c) => c.answers.filter((a) => a.fold !== fold)));
    chosen.push(bars);
    // Each held-out answer is judged by the bars chosen without its fold: marked 高 or not.
    collections.forEach((c, i) => held[i].push(...c.answers.filter((a) => a.fold === fold && a.confidence >= bars.confidence && a.sentence >= bars.sentence)));
  }
  console.log(`bars chosen on four folds each (confidence, sentence): ${chosen.map((b) => `${b.confidence.toFixed(2)}, ${b.sentence.toFixed(2)}`).join('; ')}`);
  collections.forEach((c, i) => {
    const wrong = held[i].filter((a) => !a.right).length;
    console.log(`${c.name}: on held-out folds, 高 on ${held[i].length} of ${c.answers.length} answers, ${wrong} wrong (${((100 * wrong) / Math.max(held[i].length, 1)).toFixed(1)}%)`);
  });
  const bars = chooseBars(collections.map((c) => c.answers));
  console.log(`\nchosen on all folds: HIGH_CONFIDENCE ${bars.confidence.toFixed(2)}, HIGH_SENTENCE_COVERAGE ${bars.sentence.toFixed(2)}`);
  for (const c of collections) console.log(`  ${c.name.split(' (')[0]}: ${describe(c.answers, bars)}`);
});
