/**
 * Seeded pseudo-random numbers: the same seed gives the same numbers on every machine, so
 * training runs, synthetic data, data splits and sampled tokens can be reproduced.
 *
 * The generator is mulberry32: 32 bits of state, a period of 2^32 draws, small and fast. Good
 * for initialising weights, shuffling, sampling and drawing synthetic data; not for secrets.
 */

/**
 * A seeded source of random numbers, made by {@link createRandom}. Every method advances one
 * shared stream; methods don't use `this`, so they can be passed around on their own.
 */
export interface Random {
  /** Uniform in [0, 1), a multiple of 2^-32. One draw. */
  next(): number;
  /** Uniform integer in [0, n) for a whole `n` ≥ 1. One draw. */
  int(n: number): number;
  /** Uniform integer in [min, max], both ends included, for whole `min` ≤ `max`. One draw. */
  intBetween(min: number, max: number): number;
  /** Uniform in [min, max). One draw. */
  range(min: number, max: number): number;
  /** One of `items`, each equally likely. One draw; a RangeError when `items` is empty. */
  pick<T>(items: readonly T[]): T;
  /**
   * Normally distributed with mean `mean` and standard deviation `sd` (default 0 and 1), by the
   * Box–Muller transform: two uniform draws give two independent normals. See
   * {@link RandomOptions.pairedNormals} for what happens to the second one.
   */
  normal(mean?: number, sd?: number): number;
}

export interface RandomOptions {
  /**
   * `true` (default): `normal()` returns both normals of each Box–Muller pair, the second on
   * the following call, so two calls cost two draws. `false`: every call makes a new pair and
   * drops the second, so each call costs two draws. Both are correct; they give different
   * sequences, so code that must reproduce numbers it made before keeps the one it used.
   */
  pairedNormals?: boolean;
}

/**
 * A generator seeded with `seed` (any number; its low 32 bits are used, so `seed` and
 * `seed + 2 ** 32` give the same stream).
 *
 * @example
 * const random = createRandom(7);
 * random.next(); // 0.011704753153026104
 * random.intBetween(1, 6); // 1
 */
export function createRandom(seed: number, options: RandomOptions = {}): Random {
  const paired = options.pairedNormals ?? true;
  let state = seed >>> 0;
  let spare: number | null = null; // the second normal of the last pair, when paired
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    intBetween: (min, max) => Math.floor(min + (max - min + 1) * next()),
    range: (min, max) => min + (max - min) * next(),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick: no items to pick from');
      return items[Math.floor(next() * items.length)]!;
    },
    normal: (mean = 0, sd = 1) => {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      const radius = Math.sqrt(-2 * Math.log(1 - next())); // 1 - next() is in (0, 1]: log is finite
      const angle = 2 * Math.PI * next();
      if (paired) spare = radius * Math.sin(angle);
      return mean + sd * radius * Math.cos(angle);
    },
  };
}

/**
 * Shuffles `items` in place (Fisher–Yates): every order is equally likely. Draws
 * `items.length - 1` numbers from `random`.
 */
export function shuffle<T>(items: { length: number; [index: number]: T }, random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
}
