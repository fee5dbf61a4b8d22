// Text that remembers where each of its characters came from in the source file.

export interface MappedText {
  text: string;
  /** map[i] is the offset in the source file of text[i]. */
  map: number[];
}

export function appendMapped(target: MappedText, part: MappedText): void {
  target.text += part.text;
  for (const offset of part.map) target.map.push(offset);
}

/** Source span [start, end) covered by text[start, end). */
export function sourceSpan(source: MappedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = source.map[start] ?? source.map[source.map.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: source.map[start], end: source.map[end - 1] + 1 };
}
