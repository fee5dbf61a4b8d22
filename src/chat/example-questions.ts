// Example questions for the empty page, made from the corpus itself: a clause that states a figure
// ("已推广种植生姜1000余亩") becomes a question about that figure ("已推广种植生姜多少亩?"). Each
// candidate is asked once and kept only if the engine answers it with the sentence it came from, so
// every example shown is one the corpus answers.
import type { AnswerEngine } from '../engine/answer-engine.js';
import type { StoredDocument } from '../ingest/document-model.js';
import { folderOf, isScopeError, type Scope } from '../engine/scope.js';
import { HAN_CLASS } from '../text/char-class.js';
import { normalizeForMatch } from '../text/normalize.js';

const WANTED = 5;
const CLAUSE = /[^，,；;：:。！？!?]+/g;
const FIGURE = /([0-9]+(?:\.[0-9]+)?)(余|多)?(?=万|亿|亩|元|个|家|人|名|户|项|公里|千米|米|吨|平方米|座|所|条|辆|台|套|倍|%)/;
const DATE = /[0-9]+\s*[年月日号时]/;
const HAN = new RegExp(`[${HAN_CLASS}]`, 'g');

interface Candidate {
  question: string;
  figure: string;
  docId: string;
}

function clauseQuestion(clause: string): { question: string; figure: string } | undefined {
  const c = clause.trim();
  // One figure per clause: with several, the question would not say which one it asks about.
  if (c.length < 8 || c.length > 32 || DATE.test(c) || (c.match(/[0-9]+(?:\.[0-9]+)?/g)?.length ?? 0) !== 1) return undefined;
  if ((c.match(HAN)?.length ?? 0) < c.length * 0.6) return undefined;
  const m = FIGURE.exec(c);
  if (!m) return undefined;
  const asked = c.slice(0, m.index) + '多少' + c.slice(m.index + m[0].length).replace(/^%/, '');
  const question = (c.slice(m.index + m[0].length).startsWith('%') ? asked.replace('多少', '百分之多少') : asked) + '?';
  return { question, figure: m[1] };
}

/** At most one candidate per article, documents taken in turn so the examples cover the corpus. */
function candidates(documents: StoredDocument[]): Candidate[] {
  const perDocument = documents.map((doc) =>
    doc.articles.flatMap((article) => {
      for (const p of article.paragraphs) {
        if (p.kind !== 'body') continue;
        for (const clause of p.text.match(CLAUSE) ?? []) {
          const q = clauseQuestion(clause);
          if (q) return [{ ...q, docId: doc.id }];
        }
      }
      return [];
    }),
  );
  const out: Candidate[] = [];
  for (let round = 0; perDocument.some((list) => round < list.length); round++) {
    for (const list of perDocument) if (round < list.length) out.push(list[round]);
  }
  return out;
}

/** Documents read for candidates, spread evenly over a large corpus: enough to find the few examples wanted. */
const SAMPLED_DOCUMENTS = 48;

/** The documents, folders taken in turn (`laws/a`, `reports/x`, `laws/b`, …): a folder of many files does not fill the examples. */
function acrossFolders<T extends { path: string }>(documents: readonly T[]): T[] {
  const folders = new Map<string, T[]>();
  for (const d of documents) {
    const folder = folderOf(d.path);
    folders.set(folder, [...(folders.get(folder) ?? []), d]);
  }
  const lists = [...folders.values()];
  const out: T[] = [];
  for (let round = 0; out.length < documents.length; round++) for (const list of lists) if (round < list.length) out.push(list[round]);
  return out;
}

function sampledDocuments(engine: AnswerEngine, scope: Scope): StoredDocument[] {
  const resolved = engine.scope(scope);
  if (isScopeError(resolved)) return [];
  const allowed = resolved && new Set(resolved.docIds);
  const all = acrossFolders(allowed ? engine.documents().filter((d) => allowed.has(d.id)) : engine.documents());
  const n = Math.min(all.length, SAMPLED_DOCUMENTS);
  const ids = Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)].id);
  return ids.flatMap((id) => engine.document(id) ?? []);
}

async function answeredExamples(engine: AnswerEngine, scope: Scope): Promise<string[]> {
  const kept: string[] = [];
  const documents = sampledDocuments(engine, scope);
  // One example a document, unless there are fewer documents than examples wanted.
  const perDocument = Math.ceil(WANTED / Math.max(documents.length, 1));
  const shown = new Map<string, number>();
  for (const c of candidates(documents).slice(0, WANTED * 4)) {
    if ((shown.get(c.docId) ?? 0) >= perDocument) continue;
    const r = await engine.ask({ question: c.question, topK: 1, ...scope });
    if (r.answer?.docId !== c.docId || !normalizeForMatch(r.answer.text).includes(c.figure)) continue;
    kept.push(c.question);
    shown.set(c.docId, (shown.get(c.docId) ?? 0) + 1);
    if (kept.length === WANTED) break;
  }
  return kept;
}

/** Per engine, the examples of its current generation: for the whole corpus (key '{}') and for each scope asked. */
const cache = new WeakMap<AnswerEngine, { generation: number; examples: Map<string, Promise<string[]>> }>();

/** Up to five example questions for this corpus (or a document or folder of it), computed again after every re-index. */
export function exampleQuestions(engine: AnswerEngine, scope: Scope = {}): Promise<string[]> {
  let cached = cache.get(engine);
  if (cached?.generation !== engine.generation) {
    cached = { generation: engine.generation, examples: new Map() };
    cache.set(engine, cached);
  }
  const key = JSON.stringify([scope.docId, scope.folder]);
  let examples = cached.examples.get(key);
  if (!examples) {
    examples = answeredExamples(engine, scope);
    cached.examples.set(key, examples);
  }
  return examples;
}
