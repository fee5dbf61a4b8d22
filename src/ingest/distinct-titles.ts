// Two documents of one folder with the same title (two versions of a law, a report saved twice) are
// told apart wherever titles are shown: each gets the first date its text gives, as 《未成年人保护法
// （2020-10-17）》, or, when they have none or share it, its path.
import type { StoredDocument } from './document-model.js';

/** Paragraphs from a document's start where its date is looked for: the head of a law, a report's dateline. */
const DATE_PARAGRAPHS = 6;

const DATE = /((?:19|20)[0-9]{2})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|[-./]([0-9]{1,2})[-./]([0-9]{1,2})(?![0-9]))/;

/** The first date near the top of a document, as YYYY-MM-DD. */
function firstDate(d: StoredDocument): string | undefined {
  const paragraphs = d.articles.flatMap((a) => a.paragraphs).slice(0, DATE_PARAGRAPHS);
  for (const p of paragraphs) {
    const m = DATE.exec(p.text);
    if (m) return `${m[1]}-${(m[2] ?? m[4]).padStart(2, '0')}-${(m[3] ?? m[5]).padStart(2, '0')}`;
  }
  return undefined;
}

/**
 * The documents with titles told apart. A document's own title stays in `ownTitle` while it shares it,
 * so a later build tells them apart again from what each document says, never from an earlier label.
 */
export function distinctTitles(documents: readonly StoredDocument[]): StoredDocument[] {
  const own = (d: StoredDocument) => d.ownTitle ?? d.title;
  const byTitle = new Map<string, StoredDocument[]>();
  for (const d of documents) {
    const shared = byTitle.get(own(d));
    if (shared) shared.push(d);
    else byTitle.set(own(d), [d]);
  }
  // Each document's date once, and per title how many of its documents give each date: a folder of
  // many documents with one title (68,688 files in 848 titles) took 10 s asking every pair.
  const dateOf = new Map<StoredDocument, string | undefined>();
  const dateCounts = new Map<string, Map<string | undefined, number>>();
  for (const [title, shared] of byTitle) {
    if (shared.length === 1) continue;
    const counts = new Map<string | undefined, number>();
    for (const d of shared) {
      const date = firstDate(d);
      dateOf.set(d, date);
      counts.set(date, (counts.get(date) ?? 0) + 1);
    }
    dateCounts.set(title, counts);
  }
  return documents.map((d) => {
    const { ownTitle: _, ...rest } = d;
    const counts = dateCounts.get(own(d));
    if (!counts) return { ...rest, title: own(d) };
    const date = dateOf.get(d);
    const label = date && counts.get(date) === 1 ? date : d.path;
    return { ...rest, ownTitle: own(d), title: `${own(d)}（${label}）` };
  });
}
