// GraphQL Code Generator: typed documents from the server's schema files
// (no running server needed). Fragments live beside the components that
// use them; `npm run codegen` writes src/gql, and `make test` fails when
// the committed output is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../graph/schema/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', ID: 'string' },
        skipTypename: false,
      },
    },
  },
};

export default config;
