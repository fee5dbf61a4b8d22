// Text with some spans wrapped in <mark>, built from offsets: the text is always escaped by JSX,
// never spliced in as HTML.
import type { Offsets } from '../src/search/answer/compose-answer.js';

/** The spans that fall inside [start, end), moved to be relative to `start`. */
export function spansWithin(spans: Offsets[], start: number, end: number): Offsets[] {
  return spans
    .map((s) => ({ start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }))
    .filter((s) => s.end > s.start);
}

export function MarkedText(props: { text: string; marks: Offsets[]; markClass?: string }) {
  const parts = [];
  let at = 0;
  for (const m of [...props.marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    if (m.start > at) parts.push(props.text.slice(at, m.start));
    parts.push(<mark class={props.markClass}>{props.text.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  parts.push(props.text.slice(at));
  return <>{parts}</>;
}
