// Writes the framework declarations from custom-elements.json into dist/frameworks/:
// React JSX intrinsic elements, Vue global components and Svelte elements, each with
// the elements' real attributes, properties and typed events. (The editor data beside
// them, for VS Code and JetBrains, comes from scripts/cem.config.mjs.)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const outdir = 'dist/frameworks';
const header = '// Written by scripts/framework-types.mjs from custom-elements.json.\n';

const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => elementOf(declaration)),
);
if (elements.length === 0) {
  throw new Error('custom-elements.json lists no element: run `npm run build` first.');
}

function elementOf(declaration) {
  const fields = (declaration.members ?? []).filter(
    (member) => member.kind === 'field' && member.attribute && member.privacy !== 'private',
  );
  return {
    tag: declaration.tagName,
    className: declaration.name,
    // Each option by its attribute name and, when it differs, its property name.
    options: fields.flatMap((field) => {
      const option = { field: field.name, description: field.description };
      return field.attribute === field.name
        ? [{ ...option, name: field.name }]
        : [
            { ...option, name: field.attribute },
            { ...option, name: field.name },
          ];
    }),
    events: (declaration.events ?? []).map((event) => ({
      name: event.name,
      type: event.type?.text ?? 'Event',
      description: event.description,
    })),
  };
}

const typeNames = [
  ...new Set(
    elements.flatMap(({ className, events }) => [className, ...events.map((e) => e.type)]),
  ),
].filter((name) => /^[A-Z]\w*$/.test(name) && name !== 'Event');
const importTypes = `import type { ${typeNames.join(', ')} } from '../index.js';\n`;

const doc = (text, indent) =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n` : '';
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const optionLines = ({ className, options }, indent) =>
  options
    .map(
      ({ name, field, description }) =>
        `${doc(description, indent)}${indent}${key(name)}?: ${className}['${field}'];\n`,
    )
    .join('');
const eventLines = ({ events }, indent, nameOf) =>
  events
    .map(
      ({ name, type, description }) =>
        `${doc(description, indent)}${indent}${key(nameOf(name))}?: (event: ${type}) => void;\n`,
    )
    .join('');
const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());

// React 19 sets a prop as a property when the element has one, else as an attribute,
// and `on<event-name>` listens to that event. React 18 needs status-widgets/react.
const react = `${header}// Use: \`import type {} from 'status-widgets/types/react';\` once in the app.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${importTypes}
${elements
  .map(
    (element) => `export interface ${element.className}JsxProps
  extends DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}> {
${optionLines(element, '  ')}${eventLines(element, '  ', (name) => `on${name}`)}}
`,
  )
  .join('\n')}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map(({ tag, className }) => `      '${tag}': ${className}JsxProps;`).join('\n')}
    }
  }
}
`;

// Vue checks component props by their camelCase names (\`:show-maintenance\` and
// \`:showMaintenance\` alike) and \`@status-change\` as \`onStatusChange\`.
const vue = `${header}// Use: \`import type {} from 'status-widgets/types/vue';\` once in the app.
import type { DefineComponent } from 'vue';
${importTypes}
${elements
  .map(
    (element) => `export interface ${element.className}VueProps {
${optionLines({ ...element, options: element.options.filter((o) => !o.name.includes('-')) }, '  ')}${eventLines(element, '  ', (name) => `on${camel(`-${name}`)}`)}}
`,
  )
  .join('\n')}
declare module 'vue' {
  interface GlobalComponents {
${elements.map(({ tag, className }) => `    '${tag}': DefineComponent<${className}VueProps>;`).join('\n')}
  }
}
`;

// Svelte 5 sets a prop as a property when the element has one, and
// \`on<event-name>\` listens to that event.
const svelte = `${header}// Use: \`import type {} from 'status-widgets/types/svelte';\` once in the app.
import type { HTMLAttributes } from 'svelte/elements';
${importTypes}
${elements
  .map(
    (element) => `export interface ${element.className}SvelteProps
  extends HTMLAttributes<${element.className}> {
${optionLines(element, '  ')}${eventLines(element, '  ', (name) => `on${name}`)}}
`,
  )
  .join('\n')}
declare global {
  namespace svelteHTML {
    interface IntrinsicElements {
${elements.map(({ tag, className }) => `      '${tag}': ${className}SvelteProps;`).join('\n')}
    }
  }
}
`;

mkdirSync(outdir, { recursive: true });
writeFileSync(`${outdir}/react.d.ts`, react);
writeFileSync(`${outdir}/vue.d.ts`, vue);
writeFileSync(`${outdir}/svelte.d.ts`, svelte);
