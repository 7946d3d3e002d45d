// Not public API: Web Storage that never throws, for the banner's memory of what a
// reader dismissed or was told, and the feed store's kept snapshots. Where storage is
// blocked (privacy modes, sandboxed frames, a full quota) small values live in this
// page's memory instead.
type Kind = 'localStorage' | 'sessionStorage';
const memory = new Map<string, string>();

/** The storage area, or undefined where it cannot even be reached. */
export function area(kind: Kind): Storage | undefined {
  try {
    return globalThis[kind] ?? undefined;
  } catch {
    return undefined;
  }
}

export function readStored(kind: Kind, key: string): string | undefined {
  try {
    return area(kind)?.getItem(key) ?? memory.get(kind + key);
  } catch {
    return memory.get(kind + key);
  }
}

export function store(kind: Kind, key: string, value: string): void {
  memory.set(kind + key, value);
  try {
    area(kind)?.setItem(key, value);
  } catch {
    // Quota or privacy settings: the in-page memory above still holds it.
  }
}
