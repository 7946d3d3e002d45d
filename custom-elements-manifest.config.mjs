// The custom elements manifest, and from it the data editors read: VS Code's custom
// data and JetBrains' web-types. (The TypeScript declarations for React, Vue and Svelte
// come from scripts/framework-types.mjs.)
import { readFileSync } from 'node:fs';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

// The manifest's `cssProperties` come from one table: the comment above each token
// in src/internal/styles.ts (and above the few an element reads itself, such as
// --status-badge-radius). Each element lists exactly the tokens its styles use, so
// its documentation can neither miss a token nor describe one it ignores.

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Every documented token: `/* words *\/` then `--_private: var(--status-public, default);`. */
function tokenTable(sources) {
  const tokens = new Map();
  const pattern =
    /\/\*\s*(.+?)\s*\*\/\s*(?:(--_[\w-]+)|[\w-]+):\s*var\((--status-[\w-]+),\s*(.+?)\);/gs;
  for (const source of sources) {
    for (const [, description, privateName, name, fallback] of source.matchAll(pattern)) {
      tokens.set(privateName ?? name, { name, description, default: fallback.trim() });
    }
  }
  return tokens;
}

/** The private and public tokens a stylesheet's rules read. */
const used = (source) => new Set([...source.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]));

function stylesOf(tag) {
  const element = read(`src/components/${tag}/${tag}.ts`);
  const sources = [
    read(`src/components/${tag}/${tag}.styles.ts`),
    read('src/internal/styles.ts'),
    // The inline diagnosis (`debug`), which loads with it.
    read('src/internal/debug-styles.ts'),
  ];
  if (element.includes('boxStyles')) sources.push(read('src/internal/box-styles.ts'));
  return sources;
}

const tokensPlugin = {
  name: 'status-widgets-tokens',
  packageLinkPhase({ customElementsManifest }) {
    const shared = [read('src/internal/styles.ts'), read('src/internal/box-styles.ts')];
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.tagName) continue;
        const sources = stylesOf(declaration.tagName);
        const table = tokenTable([...shared, ...sources]);
        const names = new Set();
        for (const source of sources) for (const token of used(source)) names.add(token);
        declaration.cssProperties = [...names]
          .map((token) => table.get(token))
          .filter(Boolean)
          .sort((a, b) => a.name.localeCompare(b.name));
      }
    }
  },
};

const outdir = 'dist/frameworks';

// The elements' events are typed classes (see src/internal/events.ts).
const eventTypes = {
  'status-change': 'StatusChangeEvent',
  'status-error': 'StatusErrorEvent',
};

const typedEvents = {
  name: 'status-widgets-typed-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        for (const event of declaration.events ?? []) {
          const type = eventTypes[event.name];
          if (type) event.type = { text: type };
        }
      }
    }
  },
};

const shared = { outdir, hideLogs: true };

export default {
  globs: ['src/components/**/*.ts', 'src/internal/status-element.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [
    typedEvents,
    tokensPlugin,
    customElementVsCodePlugin({
      ...shared,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
    }),
    customElementJetBrainsPlugin({ ...shared, packageJson: false }),
  ],
};
