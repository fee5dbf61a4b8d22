// A conversation is the list of its questions, carried in the page's URL and form (`h=…&h=…`), so it
// survives a reload, works without JavaScript, and needs no server-side session.
import type { AnswerEngine } from '../engine/answer-engine.js';
import type { Scope } from '../engine/scope.js';
import { contextAfter } from '../search/question/follow-up.js';
import { readQuestion } from '../search/question/question.js';
import type { AskResult } from '../search/answer/compose-answer.js';
import { MAX_QUESTION_CHARS } from '../limits.js';

/** Older turns drop out of the URL; the context of a follow-up only needs the latest ones. */
export const MAX_TURNS = 8;

export interface Turn {
  question: string;
  result: AskResult;
}

/** The usable questions of a history parameter: trimmed, non-empty, within limits, the latest MAX_TURNS. */
export function cleanHistory(raw: unknown): string[] {
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((q): q is string => typeof q === 'string');
  return list
    .map((q) => q.trim())
    .filter((q) => q.length > 0 && q.length <= MAX_QUESTION_CHARS)
    .slice(-MAX_TURNS);
}

/** The context the next question is read with, after these questions. */
export function contextOf(history: string[]): string | undefined {
  let context: string | undefined;
  for (const q of history) context = contextAfter(q, readQuestion(q, context).followUpOf);
  return context;
}

/** Asks every question of a history again, each with the context of the ones before it. */
export async function replay(engine: AnswerEngine, history: string[], scope: Scope = {}): Promise<Turn[]> {
  const turns: Turn[] = [];
  let context: string | undefined;
  for (const question of history) {
    const result = await engine.ask({ question, ...scope, context });
    turns.push({ question, result });
    context = contextAfter(question, result.followUpOf);
  }
  return turns;
}

/** The page URL that shows this conversation. */
export function conversationUrl(history: string[], scope: Scope = {}): string {
  const params = new URLSearchParams();
  for (const q of history.slice(-MAX_TURNS)) params.append('h', q);
  if (scope.docId) params.set('doc', scope.docId);
  if (scope.folder) params.set('folder', scope.folder);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}
