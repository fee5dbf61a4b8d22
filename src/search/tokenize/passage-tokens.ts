// The tokens of passages shown or ranked at query time, kept for the next use: one question cuts the
// same passages twice (the sentence-match stage ranks the leading eight, then the answer is composed
// from the top five and the top one's paragraph), and popular passages come back question after question.
import { boundedMemo } from '../../util/bounded-memo.js';
import { tokenizeWithOffsets, type Token } from './tokenize.js';

/** Texts kept: a question uses about 14; this many keep the passages of the last hundred or so (~10 MB). */
const KEPT_TEXTS = 1024;

/** `tokenizeWithOffsets(text)`, from the cache when the text was cut lately. The tokens are shared: never change them. */
export const passageTokens: (text: string) => readonly Token[] = boundedMemo(tokenizeWithOffsets, KEPT_TEXTS);
