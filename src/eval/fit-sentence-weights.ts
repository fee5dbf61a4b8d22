// `npm run fit:sentences`: fits the answer-sentence weights (knobs.ts SENTENCE_WEIGHTS) on CMRC 2018
// dev, DRCD dev and the real-document development set together. Each question's top passage is
// retrieved once and the features of its paragraph's sentences kept; then every weight combination of
// a small grid is scored by how often the chosen sentence holds a gold answer (the evidence, for the
// real documents), as the mean of the three collections' shares, so the 112 real-document questions
// weigh as much as the 3,000-odd of each encyclopedia set. Five folds split by document (never by
// question, so no paragraph is in both halves): the weights are chosen on four folds and measured on
// the fifth, each collection reported apart.
import { resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import type { AnswerEngine } from '../engine/answer-engine.js';
import { answerSpan, bestSentence, type SentenceWeights } from '../search/answer/pick-sentence.js';
import type { SentenceFeatures } from '../search/answer/sentence-features.js';
import { SENTENCE_WEIGHTS } from '../search/knobs.js';
import type { Span } from '../ingest/split-sentences.js';
import { normalizeForMatch } from '../text/normalize.js';
import { CMRC_ATTRIBUTION, DRCD_ATTRIBUTION, loadBench, loadCmrc } from './cmrc-bench.js';
import { indexFolder, openCmrcEngine, openCorpusEngine, openEngineOn } from './cmrc-engine.js';
import { FOLDS, foldOf } from './document-folds.js';
import { loadRealdocs, REALDOCS_ATTRIBUTION } from './realdocs-bench.js';

interface Sample {
  fold: number;
  features: SentenceFeatures[];
  /** For each sentence, whether the answer when it is chosen (`answerSpan`: it, or it and the next) holds gold. */
  holds: boolean[];
}

const GRID = {
  bigrams: [0, 0.1, 0.2, 0.3, 0.5],
  typeCue: [0, 0.1, 0.2, 0.3, 0.5],
  position: [0, 0.05, 0.1, 0.2],
  focus: [0, 0.1, 0.3, 0.5, 0.7, 1],
};

function* grid(): Generator<SentenceWeights> {
  for (const bigrams of GRID.bigrams)
    for (const typeCue of GRID.typeCue)
      for (const position of GRID.position) for (const focus of GRID.focus) yield { bigrams, typeCue, position, focus };
}

const squeezed = (text: string) => normalizeForMatch(text).replace(/\s+/g, '');

function sampleOf(fold: number, text: string, sentences: Span[], features: SentenceFeatures[], answers: string[]): Sample {
  const gold = answers.map(squeezed);
  const holds = sentences.map((_, i) => {
    const span = answerSpan(text, sentences, features, i);
    const chosen = squeezed(text.slice(span.start, span.end));
    return gold.some((a) => chosen.includes(a));
  });
  return { fold, features, holds };
}

const holdsGold = (s: Sample, w: SentenceWeights) => s.holds[bestSentence(s.features, w)];

const accuracy = (samples: Sample[], w: SentenceWeights) => samples.filter((s) => holdsGold(s, w)).length / Math.max(samples.length, 1);

/** The collections' mean share: each counts the same, whatever its size. */
const meanAccuracy = (collections: Sample[][], w: SentenceWeights) => collections.reduce((sum, c) => sum + accuracy(c, w), 0) / collections.length;

function bestOn(collections: Sample[][]): { w: SentenceWeights; acc: number } {
  let best = { w: SENTENCE_WEIGHTS, acc: -1 };
  for (const w of grid()) {
    const acc = meanAccuracy(collections, w);
    if (acc > best.acc + 1e-12) best = { w, acc };
  }
  return best;
}

async function samplesOf(engine: AnswerEngine, questions: { question: string; docId: string; answers: string[] }[]): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const q of questions) {
    const found = await engine.sentenceFeatures(q.question);
    if (found) samples.push(sampleOf(foldOf(q.docId), found.text, found.sentences, found.features, q.answers));
  }
  return samples;
}

const NAMES = ['CMRC', 'DRCD', 'realdocs'];
const each = (collections: Sample[][], w: SentenceWeights) => collections.map((c, i) => `${NAMES[i]} ${accuracy(c, w).toFixed(3)}`).join(', ');

runCli(async () => {
  const bench = resolve('../shared/bench');
  const drcd = loadBench(bench, 'drcd-dev');
  const realdocs = loadRealdocs(resolve('../shared/realdocs-dev'));
  const collections = [
    await samplesOf(await openCmrcEngine(), loadCmrc(bench).questions),
    await samplesOf(await openCorpusEngine(drcd.files, resolve('index/eval-drcd-corpus'), indexFolder('eval-drcd')), drcd.questions),
    await samplesOf(
      await openEngineOn(realdocs.corpusDir, 'eval-realdocs'),
      [...realdocs.questions, ...realdocs.keywordQueries].map((q) => ({ question: q.q, docId: q.file, answers: [q.evidence] })),
    ),
  ];
  console.log(`${CMRC_ATTRIBUTION}; ${DRCD_ATTRIBUTION}; ${REALDOCS_ATTRIBUTION}`);
  console.log(`questions with a top passage: ${collections.map((c, i) => `${NAMES[i]} ${c.length}`).join(', ')}; features of the top passage's paragraph`);
  const ceiling = (c: Sample[]) => c.filter((s) => s.holds.some(Boolean)).length / Math.max(c.length, 1);
  console.log(`ceiling (some answer of the paragraph holds gold): ${collections.map((c, i) => `${NAMES[i]} ${ceiling(c).toFixed(3)}`).join(', ')}`);
  console.log(`coverage alone (all other weights 0): ${each(collections, { bigrams: 0, typeCue: 0, position: 0, focus: 0 })}`);
  console.log(`current SENTENCE_WEIGHTS ${JSON.stringify(SENTENCE_WEIGHTS)}: ${each(collections, SENTENCE_WEIGHTS)}`);
  const heldOut = collections.map(() => 0);
  for (let k = 0; k < FOLDS; k++) {
    const { w, acc } = bestOn(collections.map((c) => c.filter((s) => s.fold !== k)));
    const test = collections.map((c) => c.filter((s) => s.fold === k));
    test.forEach((c, i) => (heldOut[i] += accuracy(c, w) * c.length));
    console.log(`fold ${k}: best on the other folds ${JSON.stringify(w)} (mean ${acc.toFixed(3)}), held out: ${each(test, w)}`);
  }
  console.log(`cross-validated: ${collections.map((c, i) => `${NAMES[i]} ${(heldOut[i] / c.length).toFixed(3)}`).join(', ')}`);
  const all = bestOn(collections);
  console.log(`best on all questions (use these): ${JSON.stringify(all.w)}: ${each(collections, all.w)}`);
});
