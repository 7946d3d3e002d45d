// Not public API: Web Storage that never throws. Where storage is blocked (privacy
// modes, sandboxed frames, a full quota) values live in this page's memory instead.
type Kind = 'localStorage' | 'sessionStorage';
const memory = new Map<string, string>();

function area(kind: Kind): Storage | undefined {
  try {
    return globalThis[kind];
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
