// `npm run fit:sentence-match`: fits the sentence-match stage's weight (knobs.ts SENTENCE_MATCH) on three
// collections at once, CMRC 2018 dev, DRCD dev and realdocs-dev (with its keyword-style queries), each in
// its own corpus. Every question is asked once per weight of the grid; what counts is whether the answer
// sentence holds the gold answer (the evidence, for realdocs-dev). Five folds split by document: the
// weight is chosen on four folds by the mean of the three collections' rates, so that no collection's
// size decides alone, and measured on the fifth; each collection is reported apart.
import { resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import type { AnswerEngine } from '../engine/answer-engine.js';
import { SENTENCE_MATCH } from '../search/knobs.js';
import { normalizeForMatch } from '../text/normalize.js';
import { CMRC_ATTRIBUTION, DRCD_ATTRIBUTION, loadBench } from './cmrc-bench.js';
import { indexFolder, openCorpusEngine, openEngineOn } from './cmrc-engine.js';
import { FOLDS, foldOf } from './document-folds.js';
import { loadRealdocs, REALDOCS_ATTRIBUTION } from './realdocs-bench.js';

const WEIGHTS = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];

interface Asked {
  question: string;
  docId: string;
  /** Any one of these in the answer sentence (whitespace left out) is a right answer. */
  answers: string[];
}

interface Collection {
  name: string;
  engine: AnswerEngine;
  questions: Asked[];
}

const squeeze = (text: string) => normalizeForMatch(text).replace(/\s+/g, '');

/** For each question, whether its answer holds gold, under the current weight. */
async function holds(c: Collection): Promise<boolean[]> {
  const out: boolean[] = [];
  for (const q of c.questions) {
    const r = await c.engine.ask({ question: q.question, topK: 5 });
    out.push(r.answer !== null && q.answers.some((a) => squeeze(r.answer!.text).includes(squeeze(a))));
  }
  return out;
}

const rate = (xs: boolean[], keep: (i: number) => boolean) => {
  let n = 0;
  let right = 0;
  xs.forEach((x, i) => {
    if (!keep(i)) return;
    n++;
    if (x) right++;
  });
  return right / Math.max(n, 1);
};

runCli(async () => {
  const bench = resolve('../shared/bench');
  const cmrc = loadBench(bench, 'cmrc2018-dev');
  const drcd = loadBench(bench, 'drcd-dev');
  const realdocs = loadRealdocs(resolve('../shared/realdocs-dev'));
  const realdocsEngine = await openEngineOn(realdocs.corpusDir, 'eval-realdocs');
  const idOfPath = new Map(realdocsEngine.documents().map((d) => [d.path, d.id]));
  const collections: Collection[] = [
    { name: CMRC_ATTRIBUTION, engine: await openCorpusEngine(cmrc.files, resolve('index/eval-cmrc-corpus'), indexFolder('eval-cmrc')), questions: cmrc.questions.map((q) => ({ ...q })) },
    { name: DRCD_ATTRIBUTION, engine: await openCorpusEngine(drcd.files, resolve('index/eval-drcd-corpus'), indexFolder('eval-drcd')), questions: drcd.questions.map((q) => ({ ...q })) },
    {
      name: REALDOCS_ATTRIBUTION,
      engine: realdocsEngine,
      questions: [...realdocs.questions, ...realdocs.keywordQueries].map((q) => ({ question: q.q, docId: idOfPath.get(q.file) ?? q.file, answers: [q.evidence] })),
    },
  ];
  const results = new Map<number, boolean[][]>();
  for (const weight of WEIGHTS) {
    SENTENCE_MATCH.weight = weight;
    const perCollection: boolean[][] = [];
    for (const c of collections) perCollection.push(await holds(c));
    results.set(weight, perCollection);
    console.log(`weight ${weight}: ${collections.map((c, i) => `${c.name.split(' ')[0]} ${rate(perCollection[i], () => true).toFixed(3)}`).join(', ')}`);
  }
  const folds = collections.map((c) => c.questions.map((q) => foldOf(q.docId)));
  const meanRate = (weight: number, keep: (fold: number) => boolean) =>
    results.get(weight)!.reduce((sum, xs, i) => sum + rate(xs, (j) => keep(folds[i][j])), 0) / collections.length;
  const heldOut = collections.map(() => ({ right: 0, of: 0 }));
  for (let k = 0; k < FOLDS; k++) {
    const chosen = WEIGHTS.reduce((best, w) => (meanRate(w, (f) => f !== k) > meanRate(best, (f) => f !== k) + 1e-9 ? w : best), WEIGHTS[0]);
    const rates = collections.map((_, i) => {
      const xs = results.get(chosen)!;
      xs[i].forEach((x, j) => {
        if (folds[i][j] !== k) return;
        heldOut[i].of++;
        if (x) heldOut[i].right++;
      });
      return rate(xs[i], (j) => folds[i][j] === k).toFixed(3);
    });
    console.log(`fold ${k}: weight ${chosen} chosen on the other folds; held out ${rates.join(' / ')}`);
  }
  console.log(`cross-validated: ${collections.map((c, i) => `${c.name.split(' ')[0]} ${(heldOut[i].right / heldOut[i].of).toFixed(3)}`).join(', ')}`);
  const best = WEIGHTS.reduce((b, w) => (meanRate(w, () => true) > meanRate(b, () => true) + 1e-9 ? w : b), WEIGHTS[0]);
  console.log(`best on all questions (use this): ${best}`);
});
