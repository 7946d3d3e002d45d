// `npm run cycles` (part of `npm test`): no import cycle among the modules of src/,
// type-only imports included, so each module can be read, tested and loaded on its own.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-import-cycle',
      comment:
        'Modules import each other in a cycle: move what both need into a module of its own (types into a types module), so the graph runs one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
