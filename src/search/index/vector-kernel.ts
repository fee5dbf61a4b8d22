// The vector scan in WebAssembly SIMD: every row's dot product with the query, two dimensions at a
// time. The scan was the largest piece of a CMRC question's own work once the model had answered (0.5
// of about 3 ms, a CPU profile); this kernel does it in a third of the time (`npm run bench`,
// BENCHMARKS.md "Eleventh session"). It computes exactly what `VectorRows`'s JavaScript loop does,
// to the last bit: each product and sum in double precision, four running sums a row (dimensions 0, 1,
// 2 and 3 modulo 4) added in the same order at the end, so the hits and their order never change.
//
// The rows must lie in the kernel's memory: `scannableRows` gives an array there, which a loaded index
// fills with its vectors instead of an ordinary one (no copy). Node 20 has WebAssembly SIMD on by default.

/** Unsigned LEB128, as the binary format writes sizes, counts and indices. */
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const SIMD = 0xfd;
const ZERO_V128 = [SIMD, 0x0c, ...new Array<number>(16).fill(0)];
/** Locals of `scan`: its five i32 parameters, then these. */
const [ROW, ROW_AT, ROW_BYTES, AT, QUERY_AT, LOW, HIGH] = [5, 6, 7, 8, 9, 10, 11];
const get = (local: number) => [0x20, local];
const set = (local: number) => [0x21, local];
/** The opcodes used, by name (`i32.*` and the SIMD ones after their 0xfd prefix). */
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  i32Const: (n: number) => [0x41, ...leb(n)],
  i32Add: [0x6a],
  i32Shl: [0x74],
  i32LtU: [0x49],
  i32GeU: [0x4f],
  f64Add: [0xa0],
  f64Store: [0x39, 3, 0],
  v128Load: (offset: number) => [SIMD, 0x00, 0, offset],
  v128Load64Zero: (offset: number) => [SIMD, 0x5d, 0, offset],
  f64x2PromoteLow: [SIMD, 0x5f],
  f64x2ExtractLane: (lane: number) => [SIMD, 0x21, lane],
  f64x2Add: [SIMD, 0xf0, 0x01],
  f64x2Mul: [SIMD, 0xf2, 0x01],
};

/** acc += query(f64 × 2, at `queryOffset`) × row(f32 × 2 at `rowOffset`, widened). */
const accumulate = (acc: number, queryOffset: number, rowOffset: number) => [
  ...get(acc),
  ...get(QUERY_AT),
  ...op.v128Load(queryOffset),
  ...get(ROW_AT),
  ...get(AT),
  ...op.i32Add,
  ...op.v128Load64Zero(rowOffset),
  ...op.f64x2PromoteLow,
  ...op.f64x2Mul,
  ...op.f64x2Add,
  ...set(acc),
];

/**
 * scan(query, rows, count, dims, out): out[r] (f64) = rows[r] · query for r < count, where query holds
 * `dims` f64 values, each row `dims` f32 values (dims a multiple of 4), all byte addresses.
 */
const SCAN_BODY = [
  ...get(1), ...set(ROW_AT),
  ...get(3), ...op.i32Const(2), ...op.i32Shl, ...set(ROW_BYTES),
  ...op.block,
  ...op.loop,
  ...get(ROW), ...get(2), ...op.i32GeU, ...op.brIf(1),
  ...ZERO_V128, ...set(LOW),
  ...ZERO_V128, ...set(HIGH),
  ...op.i32Const(0), ...set(AT),
  ...get(0), ...set(QUERY_AT),
  ...op.loop,
  ...accumulate(LOW, 0, 0),
  ...accumulate(HIGH, 16, 8),
  ...get(QUERY_AT), ...op.i32Const(32), ...op.i32Add, ...set(QUERY_AT),
  ...get(AT), ...op.i32Const(16), ...op.i32Add, 0x22, AT,
  ...get(ROW_BYTES), ...op.i32LtU, ...op.brIf(0),
  ...op.end,
  ...get(4), ...get(ROW), ...op.i32Const(3), ...op.i32Shl, ...op.i32Add,
  ...get(LOW), ...op.f64x2ExtractLane(0),
  ...get(LOW), ...op.f64x2ExtractLane(1), ...op.f64Add,
  ...get(HIGH), ...op.f64x2ExtractLane(0), ...op.f64Add,
  ...get(HIGH), ...op.f64x2ExtractLane(1), ...op.f64Add,
  ...op.f64Store,
  ...get(ROW_AT), ...get(ROW_BYTES), ...op.i32Add, ...set(ROW_AT),
  ...get(ROW), ...op.i32Const(1), ...op.i32Add, ...set(ROW),
  ...op.br(0),
  ...op.end,
  ...op.end,
  ...op.end,
];

/** Locals: five i32 (row, row address, row bytes, offset, query address), two v128 (the running sums). */
const LOCALS = [2, 5, 0x7f, 2, 0x7b];
const I32 = 0x7f;

const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 0]),
  ...section(2, [1, 1, 0x65, 1, 0x6d, 0x02, 0x00, 1]),
  ...section(3, [1, 0]),
  ...section(7, [1, 4, ...Buffer.from('scan'), 0x00, 0]),
  ...section(10, [1, ...leb(LOCALS.length + SCAN_BODY.length), ...LOCALS, ...SCAN_BODY]),
]);

let compiled: WebAssembly.Module | undefined;

const PAGE = 65536;
/** WebAssembly's 32-bit memory: rows past this many bytes stay in an ordinary array, scanned in JavaScript. */
const MAX_BYTES = 2 ** 31;

interface Kernel {
  memory: WebAssembly.Memory;
  scan: (query: number, rows: number, count: number, dims: number, out: number) => void;
  /** Byte addresses of the query (f64 × dims) and of the scores (f64 × rows), after the rows. */
  queryAt: number;
  outAt: number;
  rows: number;
  dims: number;
}

/** The kernel of each array `scannableRows` made. */
const kernels = new WeakMap<Float32Array, Kernel>();

/**
 * A zeroed array for `rows` vectors of `dims` floats in a memory the kernel scans, or undefined where
 * it cannot (dimensions not a multiple of 4, more than 2 GB): then an ordinary array serves.
 */
export function scannableRows(rows: number, dims: number): Float32Array | undefined {
  const rowBytes = rows * dims * Float32Array.BYTES_PER_ELEMENT;
  const queryAt = Math.ceil(rowBytes / 16) * 16;
  const outAt = queryAt + dims * Float64Array.BYTES_PER_ELEMENT;
  const bytes = outAt + rows * Float64Array.BYTES_PER_ELEMENT;
  if (dims % 4 !== 0 || dims === 0 || bytes > MAX_BYTES) return undefined;
  compiled ??= new WebAssembly.Module(MODULE);
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  } catch {
    // No room for a memory that large in this process: the rows go to an ordinary array.
    return undefined;
  }
  const { exports } = new WebAssembly.Instance(compiled, { e: { m: memory } });
  const array = new Float32Array(memory.buffer, 0, rows * dims);
  kernels.set(array, { memory, scan: exports.scan as Kernel['scan'], queryAt, outAt, rows, dims });
  return array;
}

/** Every row's dot product with `query`, if `rows` came from `scannableRows`; undefined otherwise. */
export function scanRows(rows: Float32Array, query: Float32Array): Float64Array | undefined {
  const kernel = kernels.get(rows);
  if (!kernel) return undefined;
  const { memory, queryAt, outAt, dims } = kernel;
  new Float64Array(memory.buffer, queryAt, dims).set(query);
  kernel.scan(queryAt, 0, kernel.rows, dims, outAt);
  return new Float64Array(memory.buffer, outAt, kernel.rows);
}
