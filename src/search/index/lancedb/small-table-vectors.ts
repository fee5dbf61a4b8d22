// Below the size where the vectors get an approximate index, a LanceDB vector search is an exact scan
// of the dataset: 3.9 ms a question for CMRC dev as a folder (1,253 passages; a scratch script timing
// each search of 200 questions), most of what a question cost beyond its embedding. The same scan over
// the vectors held in memory (`../vector-rows.ts`, as the Orama backend scans) took 0.6 ms, for at most
// ANN_MIN_ROWS × 2 KB of memory.
import type { Table } from '@lancedb/lancedb';
import type { FixedSizeList, Float32, Vector } from 'apache-arrow';
import { VectorRows } from '../vector-rows.js';

/** Every row's vector, passage and document, read from the table into memory. */
export async function readVectorRows(table: Table, rows: number, dimensions: number): Promise<VectorRows> {
  const vectors = new Float32Array(rows * dimensions);
  const ids: string[] = [];
  const docIds: string[] = [];
  for await (const batch of table.query().select(['id', 'doc_id', 'vector'])) {
    const id = batch.getChild('id')!;
    const docId = batch.getChild('doc_id')!;
    const vector = batch.getChild('vector') as Vector<FixedSizeList<Float32>>;
    for (let i = 0; i < batch.numRows; i++) {
      vectors.set(vector.get(i)!.toArray(), ids.length * dimensions);
      ids.push(id.get(i) as string);
      docIds.push(docId.get(i) as string);
    }
  }
  return new VectorRows(vectors, dimensions, ids, docIds);
}
