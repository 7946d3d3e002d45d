// The reference feed server's programmatic API (Node only).
export { createStatusServer } from './server.js';
export type { StatusServer, StatusServerOptions } from './server.js';
export { exportStatic } from './export.js';
export { DataStore, readArchive, writeFileAtomic } from './store.js';
export type { ArchiveContents } from './store.js';
export type { ServerData, Template } from './data.js';
export { BUILT_IN_TEMPLATES } from './templates.js';
export { DOCUMENT_PATHS } from './documents.js';
export { RequestError, DataFileError, StartError } from './errors.js';
export type { RequestErrorOptions } from './errors.js';
export { LIMITS, DEFAULT_RETENTION } from './limits.js';
export { SCENARIOS } from './scenario.js';
export type { ScenarioName } from './scenario.js';
export type { StaticMount } from './static.js';
