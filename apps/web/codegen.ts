import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents from the committed schema.gql (graphql-codegen's client preset). Documents live
 * in `.graphql` files beside the code that uses them; code imports `<Name>Document` and the result
 * types from generated/graphql.ts (named exports, so each lazy chunk carries only its own). The output is
 * committed so that `npm ci && npm start` needs no extra step; `npm run codegen:check` (CI) fails
 * when it no longer matches the schema or the documents.
 */
const config: CodegenConfig = {
  schema: '../../schema.gql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/shared/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', ID: 'string' },
        skipTypename: false,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
