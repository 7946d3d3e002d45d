// Statuspage's resolved history (incidents.json: the page's last 50 incidents),
// merged into the live state from summary.json. A chunk of its own, loaded by
// ./statuspage.ts only for pages that show the history.
import { sortNewestFirst } from '../model/sort.js';
import type { Incident, StatusSnapshot } from '../model/types.js';
import { fetchJson, isAbort, reason, Warnings } from './read.js';
import { statuspageHistoryUrl, statuspageRules } from './statuspage-rules.js';

const NAME = statuspageRules.name;

/** Reads a parsed incidents.json body (./statuspage.ts's readStatuspageIncidents). */
export type IncidentsReader = (
  body: unknown,
  url: string,
  warnings: Warnings,
  pageUrl?: string,
) => Incident[];

interface History {
  pageUpdatedAt?: string;
  incidents: Incident[];
  /** incidents.json was read: the list holds the page's past. */
  read: boolean;
  warnings: string[];
}

// Resolved history per summary URL. incidents.json is re-read only when the page
// says it changed (summary's page.updated_at), so a poll costs one request.
const histories = new Map<string, History>();
const MAX_HISTORIES = 20;

async function loadHistory(
  summaryUrl: URL,
  snapshot: StatusSnapshot,
  read: IncidentsReader,
  fetch: typeof globalThis.fetch,
  signal?: AbortSignal,
  pending?: Promise<unknown>,
): Promise<History> {
  const known = histories.get(summaryUrl.href);
  if (known && known.pageUpdatedAt === snapshot.updatedAt) return known;
  const url = statuspageHistoryUrl(summaryUrl);
  const warnings = new Warnings();
  let incidents: Incident[] | undefined;
  try {
    const body = await (pending ?? fetchJson(NAME, url, fetch, signal));
    incidents = read(body, url.href, warnings, snapshot.page.url);
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    // The live state is still good: keep it, and say why the history is missing.
    warnings.add(`Resolved incidents were not loaded from ${url.href}: ${reason(error)}`);
  }
  const history: History = {
    pageUpdatedAt: snapshot.updatedAt,
    incidents: incidents ?? [],
    read: incidents !== undefined,
    warnings: warnings.list,
  };
  histories.delete(summaryUrl.href);
  histories.set(summaryUrl.href, history);
  if (histories.size > MAX_HISTORIES) histories.delete(histories.keys().next().value!);
  return history;
}

/** The live incidents from summary.json, then the history not already among them. */
function merge(snapshot: StatusSnapshot, history: History): StatusSnapshot {
  const live = new Set(snapshot.incidents.map((incident) => incident.id));
  const incidents = sortNewestFirst([
    ...snapshot.incidents,
    ...history.incidents.filter((incident) => !live.has(incident.id)),
  ]);
  const warnings = [...(snapshot.warnings ?? []), ...history.warnings];
  const merged: StatusSnapshot = { ...snapshot, incidents };
  if (history.read) merged.pastIncidentsRead = true;
  if (warnings.length) merged.warnings = warnings;
  else delete merged.warnings;
  return merged;
}

/**
 * `snapshot`, read from the summary at `summaryUrl`, with the page's resolved
 * history. incidents.json is read through `pending` (its request, already under
 * way) when given, else the first time for this page and whenever the page says
 * it changed.
 */
export async function withHistory(
  summaryUrl: URL,
  snapshot: Promise<StatusSnapshot>,
  read: IncidentsReader,
  fetch: typeof globalThis.fetch,
  signal?: AbortSignal,
  pending?: Promise<unknown>,
): Promise<StatusSnapshot> {
  if (!pending && !histories.has(summaryUrl.href)) {
    pending = fetchJson(NAME, statuspageHistoryUrl(summaryUrl), fetch, signal);
    pending.catch(() => undefined); // read (and reported) in loadHistory
  }
  const live = await snapshot;
  return merge(live, await loadHistory(summaryUrl, live, read, fetch, signal, pending));
}
