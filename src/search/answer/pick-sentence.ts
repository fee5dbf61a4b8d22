// The answer sentence: each sentence of the top passage's paragraph is scored as a weighted sum of its
// features (`sentence-features.ts`, weights in `../knobs.ts`, fitted by `npm run fit:sentences`); the
// best wins and ties go to the earlier sentence. An answer may run on into the next sentence when that
// one plainly continues it and holds what the question asks for, or when the best one only introduces
// what follows (`有下列情形之一的，劳动者可以解除劳动合同：`); a short statute article is answered whole.
import type { Span } from '../../ingest/split-sentences.js';
import type { SentenceFeatures } from './sentence-features.js';

export interface SentenceWeights {
  bigrams: number;
  typeCue: number;
  position: number;
  focus: number;
}

export const scoreSentence = (f: SentenceFeatures, w: SentenceWeights) =>
  f.coverage + w.bigrams * f.bigrams + w.typeCue * f.typeCue - w.position * f.position + w.focus * f.focus;

/**
 * Index of the best sentence; the earliest of equals. Among the sentences `fits` accepts (those holding
 * the kind of thing asked), when there is one: a sentence that cannot answer does not win on its words.
 */
export function bestSentence(features: SentenceFeatures[], w: SentenceWeights, fits: (i: number) => boolean = () => true): number {
  const fitting = features.some((_, i) => fits(i));
  let best = 0;
  let bestScore = -Infinity;
  features.forEach((f, i) => {
    if (fitting && !fits(i)) return;
    const score = scoreSentence(f, w);
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** Openings that make a sentence the continuation of the one before: 其中…, 并…, 它…. */
const CONTINUES = /^[\s“"]*(?:其中|并且|并|且|而且|它们|它|其|该|此外|同时|但|而|这)/;

/**
 * Openings that qualify the sentence before: 但…, 不过…. A sentence so qualified is half an answer
 * (仅能复制校园卡的ID…。但…只能用于部分门禁（不包括宿舍与大门）): the answer runs on into the qualification
 * when it holds some of the question's words.
 */
const QUALIFIES = /^[\s“"]*(?:但是|但|不过|然而|可是)/;

/** A statute's article (`第二十一条 劳动合同可以约定试用期。试用期最长…`): its unit of meaning. */
const ARTICLE = /^第[一二三四五六七八九十百千零〇两0-9]+条[\s　]/;

/**
 * A numbered step or section title written as a sentence of its own (`4.1.1 修改pom.xml文件。`,
 * `二、开放时间。`, `（3）办理流程：`): it names what the sentence after it says.
 */
const STEP_TITLE = /^[\s　]*(?:[0-9]+(?:\.[0-9]+)*[.、．]?[\s　]|[一二三四五六七八九十]+[、．.]|[（(][0-9一二三四五六七八九十]+[)）])/;
const MAX_STEP_TITLE_CHARS = 30;

/** An article this short is answered whole: the clause after the one that names the subject often holds the detail. */
const WHOLE_ARTICLE_CHARS = 160;

/**
 * The answer's span: a short statute article whole; else the best sentence, or it and the next one
 * when the next carries what the question type asks for while the best one does not, and continues it
 * (starts with 其中/并/且/它…) or holds a word beside the question word (`峰会` of 峰会在哪里开: the best
 * sentence names the summit, the next says where it is held; measured in BENCHMARKS.md "Seventh
 * session"), or qualifies it (但…, with some of the question's words), or when the
 * best one ends in a colon or is a numbered step's title.
 */
export function answerSpan(text: string, sentences: Span[], features: SentenceFeatures[], best: number): Span {
  if (ARTICLE.test(text) && text.length <= WHOLE_ARTICLE_CHARS) return { start: 0, end: text.length };
  const here = sentences[best];
  const next = sentences[best + 1];
  if (!next) return here;
  const sentence = text.slice(here.start, here.end).trim();
  const introduces = /[：:]$/.test(sentence) || (STEP_TITLE.test(sentence) && sentence.length <= MAX_STEP_TITLE_CHARS);
  const nextText = text.slice(next.start, next.end);
  const continued = features[best].typeCue === 0 && features[best + 1].typeCue === 1 && (CONTINUES.test(nextText) || features[best + 1].focus > 0);
  const qualified = QUALIFIES.test(nextText) && features[best + 1].coverage > 0;
  return introduces || continued || qualified ? { start: here.start, end: next.end } : here;
}
