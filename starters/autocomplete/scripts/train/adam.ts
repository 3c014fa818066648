/** Adam hyperparameters and the learning-rate schedule. */
export interface AdamOptions {
  peakLr: number;
  /** Steps of linear warm-up from 0 to peakLr. */
  warmupSteps: number;
  /** Total steps: cosine decay runs from the end of warm-up to here. */
  totalSteps: number;
  /** Final learning rate as a fraction of peakLr. */
  minLrRatio: number;
  /** Gradients are rescaled so their global L2 norm is at most this. */
  clipNorm: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** Learning rate at `step` (0-based): linear warm-up, then cosine decay to minLrRatio·peakLr. */
export function learningRate(o: AdamOptions, step: number): number {
  if (step < o.warmupSteps) return (o.peakLr * (step + 1)) / o.warmupSteps;
  const progress = Math.min(1, (step - o.warmupSteps) / Math.max(1, o.totalSteps - o.warmupSteps));
  const min = o.peakLr * o.minLrRatio;
  return min + (o.peakLr - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
}

/**
 * Adam on a flat float32 parameter vector, in plain JS (a few ms for ~1M parameters): the
 * optimizer state lives in one place and every data-parallel worker gets the same weights.
 */
export class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;

  constructor(
    size: number,
    private readonly o: AdamOptions,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** Clips `grad` in place, updates `params` in place; returns the pre-clip gradient norm and the lr used. */
  step(params: Float32Array, grad: Float32Array): { gradNorm: number; lr: number } {
    const { beta1 = 0.9, beta2 = 0.95, epsilon = 1e-8 } = this.o;
    let sq = 0;
    for (let i = 0; i < grad.length; i++) sq += grad[i]! * grad[i]!;
    const gradNorm = Math.sqrt(sq);
    const clip = gradNorm > this.o.clipNorm ? this.o.clipNorm / gradNorm : 1;
    const lr = learningRate(this.o, this.t);
    this.t++;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    const { m, v } = this;
    for (let i = 0; i < params.length; i++) {
      const g = grad[i]! * clip;
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      params[i] = params[i]! - (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + epsilon);
    }
    return { gradNorm, lr };
  }
}
