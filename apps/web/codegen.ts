import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from the committed schema.gql (graphql-codegen's near-operation-file preset). Documents live
 * in `.graphql` files beside the code that uses them; each gets a `<name>.generated.ts` beside it with its
 * `<Name>Document`s, their result and variables types, and the enums and input types they use (string unions,
 * so the same enum written in two files is one type). Code imports from the file next to its document. The output
 * is committed so that `npm ci && npm start` needs no extra step; `npm run codegen:check` (CI) fails when it no
 * longer matches the schema or the documents.
 */
const config: CodegenConfig = {
  schema: '../../schema.gql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/': {
      preset: 'near-operation-file',
      presetConfig: { extension: '.generated.ts' },
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: { DateTime: 'string', ID: 'string' },
        skipTypename: false,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
