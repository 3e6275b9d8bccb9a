/**
 * Splitting a gallery across CI jobs: `--shard k/n` renders every n-th scene
 * starting with the k-th, so n jobs together render each scene once.
 */

import { UsageError } from '../errors.ts';

/** One job's part: `index` counts from 1 up to `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Parses `k/n`, e.g. `parseShard('2/3')` → `{ index: 2, count: 3 }`.
 * Throws a {@link UsageError} unless 1 ≤ k ≤ n.
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard '${text}': expected k/n with 1 ≤ k ≤ n, e.g. 1/4 for the first of four jobs`);
  }
  return { index, count };
}

/**
 * The items of `shard` out of an ordered list: positions k-1, k-1+n, …
 * Round-robin keeps long and short scenes spread over the jobs.
 *
 * @example
 * selectShard(['a', 'b', 'c', 'd', 'e'], { index: 2, count: 2 }) // → ['b', 'd']
 */
export function selectShard<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, position) => position % shard.count === shard.index - 1);
}
