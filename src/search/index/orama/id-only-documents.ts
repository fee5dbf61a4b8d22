// Orama's document store, keeping of each passage only its id. Orama stores every inserted document
// whole (its text, heading and vector again, beside the corpus that already holds them) although
// xunyuan reads nothing back from a hit but its id and score.
import { components, type AnyOrama } from '@orama/orama';

type Store = Parameters<typeof components.documentsStore.store>[0];
const base = components.documentsStore.createDocumentsStore();

/** Pass as `components.documentsStore` to Orama's `create`. */
export function createIdOnlyDocumentsStore(): NonNullable<AnyOrama['documentsStore']> {
  return {
    ...base,
    store: (store: Store, id: string, internalId: number, doc: { id: string }) => base.store(store, id, internalId, { id: doc.id }),
  } as unknown as NonNullable<AnyOrama['documentsStore']>;
}
