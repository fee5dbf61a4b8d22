// A function of a text, remembered for the texts it saw lately. Answering a question runs the same
// text-level work many times over: each ranking stage and the answer's sentence scorer normalize,
// cut and tag the same candidates and the question itself, and popular passages come back question
// after question (`npm run bench`, CMRC dev as a folder, fifth session: a query's median 24.5 ms →
// 12.6 ms with normalizing, cutting and tagging remembered; BENCHMARKS.md "Fifth session").

/**
 * `compute`, remembering its results for the last `size` distinct texts (the oldest goes first) of at
 * most `maxChars` characters; longer texts (whole documents while indexing) are computed and not kept.
 * A result is shared between callers: never change it.
 */
export function boundedMemo<T>(compute: (text: string) => T, size: number, maxChars = Infinity): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    if (kept.has(text)) return kept.get(text)!;
    const result = compute(text);
    if (text.length <= maxChars) {
      kept.set(text, result);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
    }
    return result;
  };
}
