/**
 * Centred second moments of a design, the covariance form every lasso here works on:
 * one X'X per calibration serves all 24 delivery hours and every penalty on the path.
 * The design is kept column-major so that each entry of X'X is a contiguous dot product.
 */
export interface GramSystem {
  columns: number;
  rows: number;
  /** Xc'Xc / n, row-major columns × columns. */
  gram: Float64Array;
  means: Float64Array;
  /** The centred design, column-major, for fast cross-moments with each target. */
  centred: Float64Array;
}

/** G = Xc'Xc / n from a row-major design (copied, `x` is left as it is). */
export function centredGram(x: Float64Array, rows: number, columns: number): GramSystem {
  const byColumn = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < columns; j++) byColumn[j * rows + r] = x[r * columns + j]!;
  }
  return centredGramOfColumns(byColumn, rows, columns);
}

/** G = Xc'Xc / n from a column-major design, which is centred in place and kept. */
export function centredGramOfColumns(
  centred: Float64Array,
  rows: number,
  columns: number,
): GramSystem {
  const means = new Float64Array(columns);
  for (let j = 0; j < columns; j++) {
    const from = j * rows;
    let s = 0;
    for (let r = 0; r < rows; r++) s += centred[from + r]!;
    const mean = s / rows;
    means[j] = mean;
    for (let r = 0; r < rows; r++) centred[from + r]! -= mean;
  }
  const gram = new Float64Array(columns * columns);
  const store = (j: number, k: number, s: number): void => {
    gram[j * columns + k] = s / rows;
    gram[k * columns + j] = s / rows;
  };
  // Two columns against four per pass: six loads feed eight products.
  let j = 0;
  for (; j + 1 < columns; j += 2) {
    const a0 = j * rows;
    const a1 = a0 + rows;
    let s01 = 0;
    let s00 = 0;
    let s11 = 0;
    for (let r = 0; r < rows; r++) {
      const u = centred[a0 + r]!;
      const v = centred[a1 + r]!;
      s00 += u * u;
      s01 += u * v;
      s11 += v * v;
    }
    store(j, j, s00);
    store(j, j + 1, s01);
    store(j + 1, j + 1, s11);
    let k = j + 2;
    for (; k + 3 < columns; k += 4) {
      const b0 = k * rows;
      const b1 = b0 + rows;
      const b2 = b1 + rows;
      const b3 = b2 + rows;
      let t00 = 0;
      let t01 = 0;
      let t02 = 0;
      let t03 = 0;
      let t10 = 0;
      let t11 = 0;
      let t12 = 0;
      let t13 = 0;
      for (let r = 0; r < rows; r++) {
        const u = centred[a0 + r]!;
        const v = centred[a1 + r]!;
        const c0 = centred[b0 + r]!;
        const c1 = centred[b1 + r]!;
        const c2 = centred[b2 + r]!;
        const c3 = centred[b3 + r]!;
        t00 += u * c0;
        t01 += u * c1;
        t02 += u * c2;
        t03 += u * c3;
        t10 += v * c0;
        t11 += v * c1;
        t12 += v * c2;
        t13 += v * c3;
      }
      store(j, k, t00);
      store(j, k + 1, t01);
      store(j, k + 2, t02);
      store(j, k + 3, t03);
      store(j + 1, k, t10);
      store(j + 1, k + 1, t11);
      store(j + 1, k + 2, t12);
      store(j + 1, k + 3, t13);
    }
    for (; k < columns; k++) {
      store(j, k, dot(centred, a0, k * rows, rows));
      store(j + 1, k, dot(centred, a1, k * rows, rows));
    }
  }
  if (j < columns) store(j, j, dot(centred, j * rows, j * rows, rows));
  return { columns, rows, gram, means, centred };
}

function dot(v: Float64Array, a: number, b: number, length: number): number {
  let s = 0;
  for (let r = 0; r < length; r++) s += v[a + r]! * v[b + r]!;
  return s;
}

/** Xc'yc / n, yc'yc / n and the mean of y, for one target. */
export interface TargetMoments {
  cross: Float64Array;
  variance: number;
  mean: number;
}

export function targetMoments(
  system: GramSystem,
  y: ArrayLike<number>,
  yStride = 1,
  yOffset = 0,
): TargetMoments {
  const { rows } = system;
  const yc = new Float64Array(rows);
  for (let r = 0; r < rows; r++) yc[r] = y[r * yStride + yOffset]!;
  return momentsOfTargets(system, [yc])[0]!;
}

/**
 * Moments of several targets at once (LEAR's 24 delivery hours): each pass over a design
 * column serves four targets. The targets are centred in place.
 */
export function momentsOfTargets(system: GramSystem, targets: Float64Array[]): TargetMoments[] {
  const { rows, columns, centred } = system;
  const moments = targets.map((yc) => {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += yc[r]!;
    mean /= rows;
    let variance = 0;
    for (let r = 0; r < rows; r++) {
      const v = yc[r]! - mean;
      yc[r] = v;
      variance += v * v;
    }
    return { cross: new Float64Array(columns), variance: variance / rows, mean };
  });
  let t = 0;
  for (; t + 3 < targets.length; t += 4) {
    const [y0, y1, y2, y3] = [targets[t]!, targets[t + 1]!, targets[t + 2]!, targets[t + 3]!];
    for (let j = 0; j < columns; j++) {
      const from = j * rows;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < rows; r++) {
        const x = centred[from + r]!;
        s0 += x * y0[r]!;
        s1 += x * y1[r]!;
        s2 += x * y2[r]!;
        s3 += x * y3[r]!;
      }
      moments[t]!.cross[j] = s0 / rows;
      moments[t + 1]!.cross[j] = s1 / rows;
      moments[t + 2]!.cross[j] = s2 / rows;
      moments[t + 3]!.cross[j] = s3 / rows;
    }
  }
  for (; t < targets.length; t++) {
    const yc = targets[t]!;
    const cross = moments[t]!.cross;
    for (let j = 0; j < columns; j++) {
      const from = j * rows;
      let s = 0;
      for (let r = 0; r < rows; r++) s += centred[from + r]! * yc[r]!;
      cross[j] = s / rows;
    }
  }
  return moments;
}
