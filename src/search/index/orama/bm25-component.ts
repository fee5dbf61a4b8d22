// Orama's index component with Okapi BM25 over whole jieba tokens.
//
// Out of the box Orama matches every query token as a prefix of indexed words (a one-character
// token such as `城` pulls in every word that starts with it), stores term frequency already divided
// by field length (so BM25 normalises length twice) and counts document frequency once per repeat of a
// token. Here a token matches only itself, term frequency is the raw count (kept only where it is above
// one) and document frequency is the number of documents in the token's posting set. Everything else (storage, vectors, save/load)
// is Orama's own component.
import { components, type AnyOrama, type Tokenizer } from '@orama/orama';
import { TopHits } from '../top-hits.js';
import { inverseDocumentFrequency, ScoreBoard, termScore } from '../bm25.js';

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
  d: Postings;
  /** Once loaded (`compactPostings`): the token's count in each document of `d`, in the same order. */
  tf?: Uint16Array;
}

/** The documents holding a token: Orama's set while the index is built, a compact array once it is loaded (see `compactPostings`). */
type Postings = Set<number> | Uint32Array;

export const postingCount = (docs: Postings) => (docs instanceof Set ? docs.size : docs.length);

/** The node of exactly `term`, walking the radix tree without collecting a subtree. */
function termNode(root: RadixNodeLike, term: string): RadixNodeLike | undefined {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i]);
    if (!child || !term.startsWith(child.s, i)) return undefined;
    node = child;
    i += child.s.length;
  }
  return node.e && node.w === term ? node : undefined;
}

/** Documents whose field holds exactly `term`. */
export const postings = (root: RadixNodeLike, term: string): Postings | undefined => termNode(root, term)?.d;

const base: BaseIndex = components.index.createIndex();

function insertTokenScoreParameters(index: Bm25Store, prop: string, id: unknown, _tokens: string[], token: string): void {
  // Orama calls this once per occurrence of a token, just before adding the document to the token's
  // postings: a document already there is a repeat. Only repeats are counted; a token in the postings
  // without a count occurs once. Most tokens of a passage occur once, so most documents keep few counts.
  const seen = postings(index.indexes[prop].node, token);
  if (!(seen instanceof Set && seen.has(id as number))) return;
  const counts = index.frequencies[prop][id as number]!;
  counts[token] = (counts[token] ?? 1) + 1;
}

/** BM25 of one field's tokens for every document that has at least one of them (OR, ranked). */
function scoreField(index: Bm25Store, prop: string, terms: string[], docsCount: number, board: ScoreBoard, boost = 1): void {
  const tree = index.indexes[prop];
  if (!tree || tree.type !== 'Radix') return;
  const avg = index.avgFieldLength[prop] || 1;
  const lengths = loadedLengths.get(index)?.[prop];
  for (const term of terms) {
    const node = termNode(tree.node, term);
    const docs = node?.d;
    if (!docs || postingCount(docs) === 0) continue;
    const df = postingCount(docs);
    const idf = inverseDocumentFrequency(df, docsCount);
    const { tf } = node;
    if (tf && lengths && docs instanceof Uint32Array) {
      // A loaded index: counts and lengths from typed arrays, no lookup by key (a third of a CMRC keyword search).
      for (let k = 0; k < docs.length; k++) board.add(docs[k], termScore(boost * idf, tf[k], lengths[docs[k]], avg));
      continue;
    }
    for (const id of docs) {
      const count = index.frequencies[prop][id]?.[term] ?? 1;
      const length = index.fieldLengths[prop][id] ?? avg;
      board.add(id, termScore(boost * idf, count, length, avg));
    }
  }
}

/** Each field's length per document number, for a loaded index (`compactPostings`). */
const loadedLengths = new WeakMap<Bm25Store, Record<string, Float64Array>>();

/** A BM25 index component, and how many results its next search returns (Orama does not pass its limit down). */
export interface Bm25Component {
  component: AnyOrama['index'];
  setLimit(limit: number): void;
}

/** Pass `component` as `components.index` to Orama's `create`. */
export function createBm25Component(): Bm25Component {
  const board = new ScoreBoard();
  let limit = Infinity;
  function search(
    index: Bm25Store,
    term: string,
    _tokenizer: Tokenizer,
    _language: string | undefined,
    propertiesToSearch: string[],
    _exact: boolean,
    _tolerance: number,
    boost: Record<string, number>,
    _relevance: unknown,
    docsCount: number,
    whereFiltersIDs: Set<number> | undefined,
  ): [number, number][] {
    // The query arrives tokenized (`KeywordQuery.terms`, space-joined): it is never cut again.
    const terms = [...new Set(term.split(' ').filter((t) => t !== ''))];
    try {
      for (const prop of propertiesToSearch) scoreField(index, prop, terms, docsCount, board, boost[prop] ?? 1);
      // Orama cuts the results to the search's limit after sorting them all: only that many are kept.
      const top = new TopHits<number>(Math.min(limit, board.touched.length));
      for (const id of board.touched) if (!whereFiltersIDs || whereFiltersIDs.has(id)) top.offer(id, board.scores[id]);
      return top.best().map(({ item, score }) => [item, score]);
    } finally {
      board.clear();
    }
  }
  return {
    component: { ...base, insertTokenScoreParameters, search } as unknown as AnyOrama['index'],
    setLimit: (n) => (limit = n),
  };
}

/**
 * Replaces every posting set of a loaded index with an array of its documents: a Set costs about six
 * times the memory of the numbers it holds, and a loaded index is only searched (a re-index builds a
 * new one), so nothing is added to these postings again.
 */
export function compactPostings(index: Bm25Store): void {
  const lengths: Record<string, Float64Array> = {};
  for (const [prop, tree] of Object.entries(index.indexes)) {
    if (tree.type !== 'Radix') continue;
    const avg = index.avgFieldLength[prop] || 1;
    const byId = index.fieldLengths[prop];
    const ids = Object.keys(byId).map(Number);
    const field = new Float64Array(ids.reduce((most, id) => Math.max(most, id + 1), 0)).fill(avg);
    for (const id of ids) field[id] = byId[id] ?? avg;
    lengths[prop] = field;
    const counts = index.frequencies[prop];
    const stack = [tree.node];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.d instanceof Set) node.d = Uint32Array.from(node.d);
      if (node.e && node.d.length > 0) node.tf = Uint16Array.from(node.d, (id) => counts[id]?.[node.w] ?? 1);
      stack.push(...node.c.values());
    }
  }
  loadedLengths.set(index, lengths);
}
