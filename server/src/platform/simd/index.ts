/** WebAssembly SIMD kernels over a heap of resident Float64 arrays (see wasm-heap.ts). */
export { allocateResident, heapStatistics, releaseResident, residentOffset } from './wasm-heap.js';
export {
  enableSimd,
  residentCholesky,
  residentDeltaGamma,
  residentMatrixVector,
  simdAvailable,
  type DeltaGammaRows,
} from './kernels.js';
