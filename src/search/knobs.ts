// Every number that shapes a ranking or an answer, in one place, each with where it came from.
// Change one only with a measurement (`npm run eval`) and record it in BENCHMARKS.md.
import type { NoAnswerRule } from './answer/no-answer.js';
import type { SentenceWeights } from './answer/pick-sentence.js';
import type { FusionMethod } from './rank/fuse-scores.js';

/** Weighted fusion, BM25 share 0.3: best R@1 of the sweep 0.2–0.6 and RRF k=10/60 on CMRC 2018 dev (BENCHMARKS.md, "Fusion"). */
export const DEFAULT_FUSION: FusionMethod = { kind: 'weighted', keywordWeight: 0.3 };

/** Candidates each side contributes before fusion; 50 keeps R@5 at its ceiling while fusion stays cheap. */
export const CANDIDATE_DEPTH = 50;

/**
 * The keyword side is searched this many times deeper than it contributes, so a passage the vector
 * side found still gets its BM25 when it ranked below the keyword cut (0 would make it look unrelated).
 */
export const KEYWORD_DEPTH_FACTOR = 4;

/**
 * Keyword search leaves out a question's words found in more than this share of all passages (的, 是,
 * 什么 in most corpora): their BM25 weight is close to nothing (an IDF of at most ln 5 ≈ 1.6, against
 * 7–10 for a distinctive word) and their postings are the longest, the bulk of a keyword search's work
 * on a large index (LanceDB at a million passages: 173 → 113 ms a search, 29 of 691 words left out).
 */
export const KEYWORD_MAX_DOCUMENT_SHARE = 0.2;

/** ...and only when that is more passages than this: shorter postings cost nothing worth saving, and in a small corpus every word is in a large share of it. */
export const KEYWORD_LONG_POSTINGS = 1000;

/** The title field's BM25 counts as much as the text's: title and text are separate fields, so a title match already adds. */
export const TITLE_BOOST = 1;

/**
 * No-answer rule: answer when 0.7·cosine + 0.3·coverage ≥ 0.45 (`answer/no-answer.ts`). Fitted on
 * CMRC 2018 dev, DRCD dev and realdocs-dev together, with document-level 5-fold cross-validation, so
 * that at most 1.5% of each encyclopedia set's answerable questions and 4% of the real documents' are
 * refused while as many near misses and off-topic questions as possible are (`npm run fit:no-answer`,
 * BENCHMARKS.md "No-answer rule"): that fit chose 0.43. Raised to 0.45, the lowest bar that still
 * refuses all 62 off-topic questions asked of the seed pages (今天天气怎么样? scores 0.44 there): DRCD
 * answerable refused 2.2% instead of 1.5%, CMRC 0.6%, realdocs-dev 4.5%. The CMRC-only bar, 0.49,
 * refused 5.3% of DRCD's answerable questions.
 *
 * The coverage lane (fifth session) answers, down to a confidence of 0.35, a passage holding 65% of
 * the question's key-word weight: DRCD's refusals were mostly short questions whose words the passage
 * holds but whose cosine is low (海拔1000∼1500米可以觀察到哪一種植物?). `npm run fit:no-answer` chose 0.65 as
 * the strictest lane keeping each collection's answerable refusals within 1.8%, 1.8% and 4% (BENCHMARKS.md
 * "Fifth session"): answerable refused CMRC 0.4%, DRCD 1.7% (2.3% before), realdocs-dev 3.6%; near
 * misses refused 64.0%, off-topic 99.5%; cross-validated 0.3%, 1.5%, 3.6%, 62.6%, 99.4%. All 62
 * off-topic questions stay refused; the floor made no difference from 0.30 to 0.44.
 */
export const NO_ANSWER_RULE: NoAnswerRule = { vectorShare: 0.7, minConfidence: 0.45, coverageLane: { coverage: 0.65, minConfidence: 0.35 } };

/**
 * Answer-sentence score = coverage + bigrams·w + typeCue·w − position·w + focus·w (`answer/pick-sentence.ts`).
 * Fitted on CMRC 2018 dev by grid search with document-level 5-fold cross-validation
 * (`npm run fit:sentences`, BENCHMARKS.md "Answer sentence"). Refitted in the fifth session on CMRC dev,
 * DRCD dev and realdocs-dev together (each collection's share weighing the same): cross-validated
 * .864, .834 and .705, below what these weights score on the two sets they were not fitted on (DRCD
 * .838, realdocs-dev .714); the best on all three, {0.1, 0.2, 0.2, 0.5}, scored .868, .839 and .714,
 * within the folds' spread. These stay (BENCHMARKS.md "Fifth session").
 */
export const SENTENCE_WEIGHTS: SentenceWeights = { bigrams: 0.1, typeCue: 0.1, position: 0.1, focus: 0.7 };

/**
 * How far one named thing moves a statute's passage (fused scores lie in 0..1): enough that the law
 * and article a question names (劳动合同法第十九条) lead over another law's article of the same number
 * and words (test/e2e/mixed-folder.test.ts); questions naming no law or article are untouched.
 */
export const NAMED_THING_WEIGHT = 0.2;

/**
 * How far a passage moves down when neither it, its heading nor its document's title names a
 * Latin-script name the question asks about (`给 PLCT 投简历…`, `DDE 桌面的剪贴板…`), or a Han name the
 * tokenizer does not know that some candidate's title holds (若依). Measured with
 * `npm run eval:realdocs` and a 1,600-question half of CMRC and DRCD dev (BENCHMARKS.md "Names"):
 * 0.05 put 2 more of realdocs-dev's 88 top passages in the right file, changing nothing else there or
 * on CMRC and DRCD; 0.1 and more also cost one evidence sentence (an answer from a passage that names
 * the product by another word). The Han names (fifth session) put one more of realdocs-dev's 24
 * keyword queries in the right file (若依 默认登录账号密码) and CMRC dev's R@1 from .985 to .987.
 */
export const ABSENT_NAME_PENALTY = 0.05;

/**
 * How far a passage moves down when no passage of its document names what the question names (若依
 * asked, a Linux handbook's 默认登录用户名 found). Measured with `npm run eval:realdocs` (seventh
 * session, BENCHMARKS.md "Names, by document"): 0.1 put one more of realdocs-dev's 88 top passages in
 * the right file, 0.15 two (.909 → .932), 0.25 no more; CMRC and DRCD dev in `npm run eval`.
 */
export const UNNAMED_DOCUMENT_PENALTY = 0.15;

/**
 * How far a passage about another place than the one asked moves down (`rank/named-things-stage.ts`,
 * `rank/passage-places.ts`), among the PLACE_DEPTH leading candidates: a 广东 notice ranked above the
 * 浙江 report for 浙江低保最低月标准提高到了多少钱? (`test/e2e/places-ranked.test.ts`). 0.1 and 0.2 did
 * the same on every question of CMRC and DRCD dev (DRCD R@1 3,337 → 3,338, one more answer holding
 * gold, nothing else moved) and on realdocs-dev and the seeds (no change); 0.2, as a named law.
 */
export const ELSEWHERE_PENALTY = 0.2;

/** Candidates the place rule reads, best first after fusion: each costs a scan of its text for places. */
export const PLACE_DEPTH = 10;

/**
 * The sentence-match stage (`rank/sentence-match-stage.ts`): the best sentence's score, times `weight`,
 * is added to the fused score of the leading `depth` candidates. Chosen by `npm run fit:sentence-match`
 * (document-level 5-fold cross-validation over CMRC 2018 dev, DRCD dev and realdocs-dev together;
 * BENCHMARKS.md "Sentence match"); the answer sentence held gold more often on all three, with a plateau
 * from 0.15 to 0.25. Depth 5 to 20 made no difference; 8 keeps the stage's tokenizing to 8 passages.
 */
export const SENTENCE_MATCH = { weight: 0.2, depth: 8 };

/**
 * The keyword side's leading passages prepared for ranking while the question's vector is computed
 * (`rank/retrieve.ts`): as many as the sentence stage ranks. Preparing them against none, CMRC dev as a
 * folder, the bench's serving phase alternating: Orama faster in 5 runs of 5 (median 6.33 against
 * 6.81 ms), LanceDB in 2 of 3 (BENCHMARKS.md "Tenth session"). Past them the work is mostly thrown away,
 * and it is not free while the model runs: cutting text with jieba beside it slowed a query embedding
 * from 2.2 to 2.7 ms (a scratch script, 200 CMRC questions), as the two threads share the cores' caches.
 */
export const PREPARED_PASSAGES = SENTENCE_MATCH.depth;
