// `npm run fit:sentences`: fits the answer-sentence weights (knobs.ts SENTENCE_WEIGHTS) on CMRC 2018
// dev. Each question's top passage is retrieved once and the features of its paragraph's sentences
// kept; then every weight combination of a small grid is scored by how often the chosen sentence holds
// a gold answer. Five folds split by document (never by question, so no paragraph is in both halves):
// the weights are chosen on four folds and measured on the fifth.
import { resolve } from 'node:path';
import { runCli } from '../cli/run-cli.js';
import { answerSpan, bestSentence, type SentenceWeights } from '../search/answer/pick-sentence.js';
import type { SentenceFeatures } from '../search/answer/sentence-features.js';
import { SENTENCE_WEIGHTS } from '../search/knobs.js';
import type { Span } from '../ingest/split-sentences.js';
import { normalizeForMatch } from '../text/normalize.js';
import { CMRC_ATTRIBUTION, loadCmrc } from './cmrc-bench.js';
import { openCmrcEngine } from './cmrc-engine.js';
import { FOLDS, foldOf } from './document-folds.js';

interface Sample {
  fold: number;
  text: string;
  sentences: Span[];
  features: SentenceFeatures[];
  answers: string[];
}

const GRID = {
  bigrams: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
  typeCue: [0, 0.05, 0.1, 0.15, 0.2, 0.3],
  position: [0, 0.02, 0.05, 0.1, 0.2],
  focus: [0, 0.1, 0.2, 0.3, 0.5, 0.7, 1],
};

function* grid(): Generator<SentenceWeights> {
  for (const bigrams of GRID.bigrams)
    for (const typeCue of GRID.typeCue) for (const position of GRID.position) for (const focus of GRID.focus) yield { bigrams, typeCue, position, focus };
}

const holdsGold = (s: Sample, w: SentenceWeights) => {
  const span = answerSpan(s.text, s.sentences, s.features, bestSentence(s.features, w));
  const chosen = normalizeForMatch(s.text.slice(span.start, span.end));
  return s.answers.some((a) => chosen.includes(normalizeForMatch(a)));
};

const accuracy = (samples: Sample[], w: SentenceWeights) => samples.filter((s) => holdsGold(s, w)).length / Math.max(samples.length, 1);

function bestOn(samples: Sample[]): { w: SentenceWeights; acc: number } {
  let best = { w: SENTENCE_WEIGHTS, acc: -1 };
  for (const w of grid()) {
    const acc = accuracy(samples, w);
    if (acc > best.acc) best = { w, acc };
  }
  return best;
}

runCli(async () => {
  const { questions } = loadCmrc(resolve('../shared/bench'));
  const engine = await openCmrcEngine();
  const samples: Sample[] = [];
  for (const q of questions) {
    const found = await engine.sentenceFeatures(q.question);
    if (found) samples.push({ fold: foldOf(q.docId), ...found, answers: q.answers });
  }
  console.log(`${CMRC_ATTRIBUTION}: ${samples.length} questions, features of the top passage's paragraph`);
  const ceiling = samples.filter((s) => s.sentences.some((sp) => s.answers.some((a) => normalizeForMatch(s.text.slice(sp.start, sp.end)).includes(normalizeForMatch(a))))).length;
  console.log(`ceiling (some sentence of the paragraph holds gold): ${(ceiling / samples.length).toFixed(3)}`);
  console.log(`coverage alone (all other weights 0): ${accuracy(samples, { bigrams: 0, typeCue: 0, position: 0, focus: 0 }).toFixed(3)}`);
  console.log(`current SENTENCE_WEIGHTS ${JSON.stringify(SENTENCE_WEIGHTS)}: ${accuracy(samples, SENTENCE_WEIGHTS).toFixed(3)}`);
  let heldOut = 0;
  for (let k = 0; k < FOLDS; k++) {
    const train = samples.filter((s) => s.fold !== k);
    const test = samples.filter((s) => s.fold === k);
    const { w, acc } = bestOn(train);
    const testAcc = accuracy(test, w);
    heldOut += testAcc * test.length;
    console.log(`fold ${k}: ${test.length} questions; best on the other folds ${JSON.stringify(w)} (${acc.toFixed(3)}), held out ${testAcc.toFixed(3)}`);
  }
  console.log(`cross-validated accuracy: ${(heldOut / samples.length).toFixed(3)}`);
  const all = bestOn(samples);
  console.log(`best on all questions (use these): ${JSON.stringify(all.w)} → ${all.acc.toFixed(3)}`);
});
