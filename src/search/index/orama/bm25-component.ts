// Orama's index component with Okapi BM25 over whole jieba tokens.
//
// Out of the box Orama matches every query token as a prefix of indexed words (a one-character
// token such as `城` pulls in every word that starts with it), stores term frequency already divided
// by field length (so BM25 normalises length twice) and counts document frequency once per repeat of a
// token. Here a token matches only itself, term frequency is the raw count and document frequency is
// the number of documents in the token's posting set. Everything else (storage, vectors, save/load)
// is Orama's own component.
import { components, type AnyOrama, type Tokenizer } from '@orama/orama';

type BaseIndex = ReturnType<typeof components.index.createIndex>;
/** The parts of Orama's index store that BM25 reads. */
export type Bm25Store = Parameters<BaseIndex['search']>[0] & {
  indexes: Record<string, { type: string; node: RadixNodeLike }>;
  frequencies: Record<string, Record<number, Record<string, number> | undefined>>;
  fieldLengths: Record<string, Record<number, number | undefined>>;
  avgFieldLength: Record<string, number>;
};

/** The parts of Orama's radix tree node that an exact lookup reads. */
interface RadixNodeLike {
  s: string;
  e: boolean;
  w: string;
  c: Map<string, RadixNodeLike>;
  d: Set<number>;
}

/** Okapi BM25's usual constants (Robertson and Zaragoza); not tuned. */
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** Documents whose field holds exactly `term`, walking the radix tree without collecting a subtree. */
export function postings(root: RadixNodeLike, term: string): Set<number> | undefined {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i]);
    if (!child || !term.startsWith(child.s, i)) return undefined;
    node = child;
    i += child.s.length;
  }
  return node.e && node.w === term ? node.d : undefined;
}

const base: BaseIndex = components.index.createIndex();

function insertTokenScoreParameters(index: Bm25Store, prop: string, id: unknown, _tokens: string[], token: string): void {
  // Orama calls this once per occurrence of a token, so counting calls gives the raw frequency.
  const counts = index.frequencies[prop][id as number]!;
  counts[token] = (counts[token] ?? 0) + 1;
}

/** BM25 of one field's tokens for every document that has at least one of them (OR, ranked). */
function scoreField(index: Bm25Store, prop: string, terms: string[], docsCount: number, scores: Map<number, number>, boost = 1): void {
  const tree = index.indexes[prop];
  if (!tree || tree.type !== 'Radix') return;
  const avg = index.avgFieldLength[prop] || 1;
  for (const term of terms) {
    const docs = postings(tree.node, term);
    if (!docs || docs.size === 0) continue;
    const idf = Math.log(1 + (docsCount - docs.size + 0.5) / (docs.size + 0.5));
    for (const id of docs) {
      const tf = index.frequencies[prop][id]?.[term] ?? 0;
      const length = index.fieldLengths[prop][id] ?? avg;
      const part = (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / avg));
      scores.set(id, (scores.get(id) ?? 0) + boost * part);
    }
  }
}

function search(
  index: Bm25Store,
  term: string,
  tokenizer: Tokenizer,
  _language: string | undefined,
  propertiesToSearch: string[],
  _exact: boolean,
  _tolerance: number,
  boost: Record<string, number>,
  _relevance: unknown,
  docsCount: number,
  whereFiltersIDs: Set<number> | undefined,
): [number, number][] {
  const terms = [...new Set(tokenizer.tokenize(term))];
  const scores = new Map<number, number>();
  for (const prop of propertiesToSearch) scoreField(index, prop, terms, docsCount, scores, boost[prop] ?? 1);
  const results: [number, number][] = [];
  for (const [id, score] of scores) if (!whereFiltersIDs || whereFiltersIDs.has(id)) results.push([id, score]);
  return results.sort((a, b) => b[1] - a[1]);
}

/** Pass as `components.index` to Orama's `create`. */
export function createBm25Component(): AnyOrama['index'] {
  return { ...base, insertTokenScoreParameters, search } as unknown as AnyOrama['index'];
}
