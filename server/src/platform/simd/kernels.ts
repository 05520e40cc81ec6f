/**
 * The SIMD kernels of kernels.wat, instantiated once over the resident heap. Each entry
 * point answers undefined when it cannot run (the matrix is not resident, or the runtime
 * has no WebAssembly SIMD), and the caller keeps its JavaScript loop for that case.
 */
import { KERNELS_WASM_BASE64 } from './kernels-wasm.js';
import { allocateResident, heapMemory, releaseResident, residentOffset } from './wasm-heap.js';

interface KernelExports {
  matvec(
    a: number,
    x: number,
    y: number,
    rows: number,
    cols: number,
    at: number,
    h: number,
    count: number,
    q: number,
  ): void;
  cholesky(a: number, l: number, n: number): number;
}

const load = (): KernelExports | undefined => {
  const bytes = Buffer.from(KERNELS_WASM_BASE64, 'base64');
  if (!WebAssembly.validate(bytes)) return undefined;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: { memory: heapMemory },
  });
  return instance.exports as unknown as KernelExports;
};

const loaded = load();
let kernels = loaded;

export const simdAvailable = (): boolean => loaded !== undefined;

/**
 * Switches the kernels off (every entry point then answers undefined) or back on, so tests
 * can cover the JavaScript fallbacks and benchmarks can set the two side by side.
 */
export const enableSimd = (enabled: boolean): void => {
  kernels = enabled ? loaded : undefined;
};

export interface DeltaGammaRows {
  /** (A x)[r] for every row r. */
  linear: Float64Array;
  /** sum_i weights[i] * A[r, columns[i]]^2 for every row r. */
  quadratic: Float64Array;
}

/**
 * One scratch block for the small operands, kept between calls and grown when a call
 * needs more: the kernels run synchronously on one thread, so no two calls overlap, and
 * allocating five blocks per call cost a tenth of the product itself.
 */
let scratch: Float64Array | undefined;

const scratchOf = (length: number): Float64Array | undefined => {
  if (scratch === undefined || scratch.length < length) {
    if (scratch !== undefined) releaseResident(scratch);
    scratch = allocateResident(Math.max(length, 2 * (scratch?.length ?? 0), 4096));
  }
  return residentOffset(scratch) === undefined ? undefined : scratch;
};

/**
 * A x and, per row, a weighted sum of squares over a few columns, in one pass over a
 * row-major rows x cols matrix whose data came from allocateResident (x, columns and
 * weights may live anywhere; they are copied in). Undefined when A is not resident.
 */
export const residentDeltaGamma = (
  data: Float64Array,
  rows: number,
  cols: number,
  x: Float64Array,
  columns: Int32Array,
  weights: Float64Array,
): DeltaGammaRows | undefined => {
  const a = residentOffset(data);
  if (kernels === undefined || a === undefined || data.length !== rows * cols) return undefined;
  if (x.length < cols || weights.length < columns.length) return undefined;
  const count = columns.length;
  // Layout in doubles: x | y | q | weights | column byte offsets (two i32 per double).
  const yAt = cols;
  const qAt = yAt + rows;
  const hAt = qAt + rows;
  const columnsAt = hAt + count;
  const block = scratchOf(columnsAt + Math.ceil(count / 2));
  if (block === undefined) return undefined;
  const base = residentOffset(block)!;
  block.set(x.subarray(0, cols), 0);
  block.set(weights.subarray(0, count), hAt);
  const byteOffsets = new Int32Array(block.buffer, block.byteOffset + columnsAt * 8, count);
  for (let i = 0; i < count; i++) {
    const column = columns[i]!;
    if (!(column >= 0 && column < cols))
      throw new RangeError(`column ${column} is outside 0..${cols - 1}`);
    byteOffsets[i] = column * 8;
  }
  kernels.matvec(
    a,
    base,
    base + yAt * 8,
    rows,
    cols,
    base + columnsAt * 8,
    base + hAt * 8,
    count,
    base + qAt * 8,
  );
  return {
    linear: block.slice(yAt, qAt),
    quadratic: count > 0 ? block.slice(qAt, hAt) : new Float64Array(rows),
  };
};

/** y = A x for a resident row-major matrix; undefined when A is not resident. */
export const residentMatrixVector = (
  data: Float64Array,
  rows: number,
  cols: number,
  x: Float64Array,
): Float64Array | undefined =>
  residentDeltaGamma(data, rows, cols, x, new Int32Array(0), new Float64Array(0))?.linear;

export type ResidentCholesky =
  { ok: true; factor: Float64Array } | { ok: false; row: number; pivot: number };

/**
 * Lower-triangular L with A = L L^T for a row-major n x n matrix A anywhere (it is copied
 * in); L comes back resident, ready for the other kernels. A failed pivot names its row.
 * Undefined when the kernels cannot run or the heap cannot hold the copy.
 */
export const residentCholesky = (a: Float64Array, n: number): ResidentCholesky | undefined => {
  if (kernels === undefined || a.length !== n * n) return undefined;
  const input = allocateResident(n * n);
  const factor = allocateResident(n * n);
  try {
    const aOffset = residentOffset(input);
    const lOffset = residentOffset(factor);
    if (aOffset === undefined || lOffset === undefined) {
      releaseResident(factor);
      return undefined;
    }
    input.set(a);
    const row = kernels.cholesky(aOffset, lOffset, n);
    if (row < 0) return { ok: true, factor };
    const pivot = factor[row * n + row]!;
    releaseResident(factor);
    return { ok: false, row, pivot };
  } finally {
    releaseResident(input);
  }
};
