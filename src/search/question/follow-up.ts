// Reading a short or elliptical question in the light of the one before it: after
// "冀南新区人民医院投资多少?", "那第一中学呢?" means "冀南新区第一中学投资多少?". The follow-up's own
// words lead (they are weighted double in ranking and sentence picking); the earlier question
// supplies what was left out. `question.ts` applies these rules.

/** Openers and endings that mark a question as continuing the previous one. */
export const CONTINUES = /^(那么|那|还有|另外|其中|其他|其它)|呢[?？。.!！\s]*$/;
export const OPENER = /^(那么|那|还有|另外)[,，\s]*/;

/**
 * The question a later turn is read against: a follow-up keeps its context, so "那第一中学呢?" and
 * then "第一实验小学呢?" are both read with the question that opened the topic.
 */
export const contextAfter = (question: string, followUpOf: string | undefined) => followUpOf ?? question;
