/**
 * A small seeded PRNG (mulberry32) for demo data and test factories.
 *
 * Why not Math.random: the demo story and the tests must produce the same rows
 * on every run, so every "random" choice — ids included — comes from a seed.
 * mulberry32 has a 2^32 period, which is far more than a seed ever draws.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A random-looking but reproducible RFC 4122 version-4 UUID. */
  uuid(): string;
  /** 1, 2, 3… per name: unique values (emails, numbers) without a global counter. */
  sequence(name: string): number;
}

/** The raw mulberry32 step: a function returning 32-bit unsigned integers. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A 32-bit seed from a string (FNV-1a), so seeds can be readable names. */
export function seedFromString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function createRng(seed: number | string): Rng {
  const nextUint32 = mulberry32(typeof seed === "string" ? seedFromString(seed) : seed);
  const counters = new Map<string, number>();
  const next = () => nextUint32() / 4_294_967_296;

  return {
    next,
    int(min, max) {
      if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`);
      return min + Math.floor(next() * (max - min + 1));
    },
    float(min, max) {
      return min + next() * (max - min);
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError("pick() from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    uuid() {
      const hex = Array.from({ length: 4 }, () => nextUint32().toString(16).padStart(8, "0")).join("");
      // Version nibble 4, variant bits 10xx: a well-formed v4 UUID.
      const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    sequence(name) {
      const value = (counters.get(name) ?? 0) + 1;
      counters.set(name, value);
      return value;
    },
  };
}
