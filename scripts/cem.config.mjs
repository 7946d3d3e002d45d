// The custom elements manifest, and from it the data editors read: VS Code's custom
// data and JetBrains' web-types. (The TypeScript declarations for React, Vue and Svelte
// come from scripts/framework-types.mjs.)
import { readFileSync } from 'node:fs';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

const outdir = 'dist/frameworks';

// The analyzer reads option declarations written as object literals. Boolean options
// are declared with `booleanOption()` (one converter for every boolean); spell those
// out as the literal the analyzer understands, so the manifest keeps their attribute
// names and boolean type.
const booleanOptionAsLiteral = (source) =>
  source
    .replace(/\{\s*\.\.\.booleanOption\(\),/g, '{ type: Boolean,')
    .replace(/booleanOption\('([^']+)'\)/g, "{ type: Boolean, attribute: '$1' }")
    .replace(/booleanOption\(\)/g, '{ type: Boolean }');

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
  overrideModuleCreation: ({ ts, globs }) =>
    globs.map((path) =>
      ts.createSourceFile(
        path,
        booleanOptionAsLiteral(readFileSync(path, 'utf8')),
        ts.ScriptTarget.ES2015,
        true,
      ),
    ),
  plugins: [
    typedEvents,
    customElementVsCodePlugin({
      ...shared,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
    }),
    customElementJetBrainsPlugin({ ...shared, packageJson: false }),
  ],
};
