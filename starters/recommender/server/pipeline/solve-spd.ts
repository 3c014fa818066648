/**
 * Solves A x = b for a symmetric positive-definite n×n matrix A (row-major) by Cholesky
 * decomposition. A is overwritten with its factor. Used for the small ridge regression of fold-in.
 */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let diag = a[j * n + j]!;
    for (let m = 0; m < j; m++) diag -= a[j * n + m]! ** 2;
    if (!(diag > 0)) throw new Error('matrix is not positive definite');
    const l = Math.sqrt(diag);
    a[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let m = 0; m < j; m++) s -= a[i * n + m]! * a[j * n + m]!;
      a[i * n + j] = s / l;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let m = 0; m < i; m++) s -= a[i * n + m]! * x[m]!;
    x[i] = s / a[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let m = i + 1; m < n; m++) s -= a[m * n + i]! * x[m]!;
    x[i] = s / a[i * n + i]!;
  }
  return x;
}
