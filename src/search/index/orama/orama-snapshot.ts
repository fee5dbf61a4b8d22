// Orama's saved form, rewritten so vectors are stored once: Orama keeps each vector in the document and
// again in its vector index, and JSON of 512 floats per passage is large and slow to parse. Saving
// drops the document copy and replaces the index copy with the row of the vector in the caller's
// `vectors.f32`; restoring points each entry back into that file's Float32Array.
import type { save } from '@orama/orama';

type VectorEntry = [internalId: number, [magnitude: number, vectorOrRow: number[] | number]];

export type OramaSnapshot = ReturnType<typeof save> & {
  index: { vectorIndexes: Record<string, { size: number; vectors: VectorEntry[] }> };
  docs: { docs: Record<string, Record<string, unknown>> };
  internalDocumentIDStore: { internalIdToId: string[] };
};

/** A copy of the snapshot that names vector rows instead of holding vectors; the database is left untouched. */
export function pointVectorsAtRows(snapshot: OramaSnapshot, rowOf: (id: string) => number): OramaSnapshot {
  const ids = snapshot.internalDocumentIDStore.internalIdToId;
  // Orama's internal ids count from 1.
  const rowOfInternal = (internal: number) => rowOf(ids[internal - 1]);
  const vectorIndexes = Object.fromEntries(
    Object.entries(snapshot.index.vectorIndexes).map(([name, vi]) => [
      name,
      { ...vi, vectors: vi.vectors.map(([id, [magnitude]]): VectorEntry => [id, [magnitude, rowOfInternal(id)]]) },
    ]),
  );
  const docs = Object.fromEntries(Object.entries(snapshot.docs.docs).map(([id, { embedding: _vector, ...rest }]) => [id, rest]));
  return { ...snapshot, index: { ...snapshot.index, vectorIndexes }, docs: { ...snapshot.docs, docs } };
}

/** Puts the vectors back into a parsed snapshot, as views into `vectors` (Orama copies them into its own arrays). */
export function pointVectorsIntoStore(snapshot: OramaSnapshot, vectors: Float32Array, dimensions: number): void {
  for (const vectorIndex of Object.values(snapshot.index.vectorIndexes)) {
    vectorIndex.vectors = vectorIndex.vectors.map(([id, [magnitude, row]]) => [
      id,
      [magnitude, vectors.subarray((row as number) * dimensions, ((row as number) + 1) * dimensions) as unknown as number[]],
    ]);
  }
}
