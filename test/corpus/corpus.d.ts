// Types for corpus.js, for the browser tests (TypeScript).
import type { StatusSnapshot } from '../../src/model/types.js';

export interface CorpusCase {
  adapter: string;
  /** Route name → file relative to test/. */
  files: Record<string, string>;
  expect: 'format-error' | 'snapshot-with-warning' | 'snapshot';
  problem?: string;
  warning?: string;
  absent?: string[];
  present?: string[];
  counts?: Partial<Record<'components' | 'incidents' | 'maintenances', number>>;
  indicator?: string;
  notIndicator?: string;
}

export const ENDPOINTS: Record<
  string,
  { src: string; routes: Record<string, string>; defaults: Record<string, string> }
>;
export function fileFor(testCase: CorpusCase, pathname: string): string | undefined;
export function caseName(testCase: CorpusCase): string;
export function modelProblems(snapshot: unknown): string[];
export function outcomeProblems(
  testCase: CorpusCase,
  outcome: { snapshot?: StatusSnapshot; error?: Error },
): string[];
