// Writes src/react/index.ts: a React component (made with @lit/react) for each element
// in src/components, so an element added there gets its wrapper with the next build.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const elements = readdirSync('src/components', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name: tag }) => {
    const define = readFileSync(`src/components/${tag}/define.ts`, 'utf8');
    const className = /export \{ (\w+) \}/.exec(define)?.[1];
    if (!className) {
      throw new Error(
        `src/components/${tag}/define.ts exports no element class: end it with \`export { ClassName };\`.`,
      );
    }
    return { tag, className };
  });

const source = `// Written by scripts/react-wrappers.mjs from src/components (\`npm run build\`), and not
// kept in git: edit that script.
//
// React components for the elements. React 18 sets every prop as a string attribute
// and drops \`on…\` handlers on custom elements; these set properties (real booleans
// and numbers) and listen to the events, in React 18 and 19, also after hydration.
// Importing this module registers the elements in the browser (nothing on a server).
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { StatusChangeEvent, StatusErrorEvent } from '../internal/events.js';
${elements.map(({ tag, className }) => `import { ${className} as ${className}Element } from '../components/${tag}/define.js';`).join('\n')}

const events = {
  /** A new snapshot arrived (\`event.detail\` is the snapshot). */
  onStatusChange: 'status-change' as EventName<StatusChangeEvent>,
  /** Loading the feed failed (\`event.detail\` is the error); the last good data stays. */
  onStatusError: 'status-error' as EventName<StatusErrorEvent>,
};
${elements
  .map(
    ({ tag, className }) => `
/** \`<${tag}>\` as a React component. */
export const ${className} = createComponent({
  react: React,
  tagName: '${tag}',
  elementClass: ${className}Element,
  events,
  displayName: '${className}',
});`,
  )
  .join('\n')}

export type { StatusChangeEvent, StatusErrorEvent } from '../internal/events.js';
export type { StatusSnapshot } from '../model/types.js';
`;

// Not kept in git: a fresh clone has no src/react/ yet.
mkdirSync('src/react', { recursive: true });
writeFileSync('src/react/index.ts', source);
