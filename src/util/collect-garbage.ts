// One full garbage collection, when the process was started with `--expose-gc` (npm start, the MCP
// server and the bench's serving processes are). Called after an index is opened or replaced: loading
// one leaves tens of megabytes of parsed files behind, and left to itself V8 sizes its next heap limit
// from the heap with them still in it, so a server would settle ~70 MB higher at the 10× bench than
// the index needs. Without the flag it does nothing.
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
