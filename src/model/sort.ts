import type { Incident } from './types.js';

function time(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** Newest first by creation time; a stable copy, the input is not changed. */
export function sortNewestFirst<T extends Pick<Incident, 'createdAt'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => time(b.createdAt) - time(a.createdAt));
}
