// Reading a short or elliptical question in the light of the one before it: after
// "冀南新区人民医院投资多少?", "那第一中学呢?" means "冀南新区第一中学投资多少?". The follow-up's own
// words lead (they are weighted double in ranking and sentence picking); the earlier question
// supplies what was left out. `question.ts` applies these rules.
import type { NamedThings } from './named-things.js';

/** Openers and endings that mark a question as continuing the previous one. */
export const CONTINUES = /^(那么|那|还有|另外|其中|其他|其它)|呢[?？。.!！\s]*$/;
export const OPENER = /^(那么|那|还有|另外)[,，\s]*/;

/**
 * The question a later turn is read against: a follow-up keeps its context, so "那第一中学呢?" and
 * then "第一实验小学呢?" are both read with the question that opened the topic.
 */
export const contextAfter = (question: string, followUpOf: string | undefined) => followUpOf ?? question;

/**
 * The earlier question with what the follow-up replaces taken out: "广东呢?" after "北京今年GDP目标是多少?"
 * asks about 广东 instead of 北京, not as well (with both, the Beijing report answered). A place named
 * by the follow-up replaces the places of the earlier question, a year its years, an article its
 * articles; anything else of the earlier question stays as context.
 */
export function withoutReplaced(previous: string, own: NamedThings, before: NamedThings): string {
  let kept = previous;
  const drop = (things: readonly string[], pattern: (thing: string) => RegExp) => {
    for (const thing of things) kept = kept.replace(pattern(thing), '');
  };
  const escaped = (thing: string) => thing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (own.places.length > 0) drop(before.places.filter((p) => !own.places.includes(p)), (p) => new RegExp(`${escaped(p)}(?:省|市|自治区|特别行政区)?`, 'g'));
  if (own.years.length > 0) drop(before.years.filter((y) => !own.years.includes(y)), (y) => new RegExp(`${y}\\s*年`, 'g'));
  if (own.articles.length > 0) drop(before.articles.filter((a) => !own.articles.includes(a)), (a) => new RegExp(escaped(a), 'g'));
  return kept;
}
