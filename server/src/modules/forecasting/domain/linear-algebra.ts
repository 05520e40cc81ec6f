/**
 * Solves (A + ridge I) x = b for a symmetric positive semi-definite A (row-major n × n)
 * by Cholesky; the ridge keeps near-collinear seasonal terms solvable. Intercept-like
 * columns can be spared the ridge through `unpenalised`.
 */
export function solveRidge(
  a: Float64Array,
  b: Float64Array,
  n: number,
  ridge: number,
  unpenalised: ReadonlySet<number> = new Set(),
): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]! + (i === j && !unpenalised.has(i) ? ridge : 0);
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) l[i * n + i] = Math.sqrt(Math.max(s, 1e-12));
      else l[i * n + j] = s / l[j * n + j]!;
    }
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}
