// How many passages hold each token, for the answer stage's term weights. LanceDB's full-text index
// keeps these counts but does not expose them, so the backend counts as it inserts and saves the
// counts beside the dataset.
export const TERMS_FILE = 'lancedb-terms.json';

/** Adds one passage's tokens (space-joined) to the counts, each distinct token once. */
export function countTerms(counts: Map<string, number>, tokens: string): void {
  for (const term of new Set(tokens.split(' '))) if (term !== '') counts.set(term, (counts.get(term) ?? 0) + 1);
}

/** Takes one removed passage's tokens (space-joined) out of the counts; a term no passage holds any more goes. */
export function uncountTerms(counts: Map<string, number>, tokens: string): void {
  for (const term of new Set(tokens.split(' '))) {
    const left = (counts.get(term) ?? 0) - 1;
    if (left > 0) counts.set(term, left);
    else counts.delete(term);
  }
}

export const writeTermCounts = (counts: Map<string, number>) => Buffer.from(JSON.stringify([...counts]));

export function readTermCounts(bytes: Buffer): Map<string, number> {
  const entries: unknown = JSON.parse(bytes.toString('utf8'));
  if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number')) {
    throw new Error(`${TERMS_FILE} is not a list of [term, count] pairs`);
  }
  return new Map(entries as [string, number][]);
}
