// A function of an object, remembered for as long as the object lives. A question's work on its
// candidates (their text lower-cased or without spacing, their stored analysis decoded) is the same for
// every question that meets the same passage, and the corpus's record cache keeps a passage object as
// long as it holds its document: remembered with the object, it is done once per passage, not per question.

/** `compute`, remembered per object in a WeakMap. A result is shared between callers: never change it. */
export function objectMemo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      kept.set(key, value);
    }
    return value;
  };
}
