// GraphiQL at /graphiql, built by vite.graphiql.config.ts into dist/graphiql
// and embedded in the binary with the app: nothing is loaded from another
// origin, so it works on an install without internet access.
//
// The Monaco editor's web workers (the editor, JSON for variables and
// headers, GraphQL for completion) are bundled as files of their own by the
// import below, so the page needs no blob: workers.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './page.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Same origin: fetch sends the session cookie, so a signed-in user queries
// as themselves. A partner pastes `{"Authorization": "Bearer …"}` into the
// headers editor instead.
const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} isHeadersEditorEnabled shouldPersistHeaders inputValueDeprecation />
  </StrictMode>,
);
