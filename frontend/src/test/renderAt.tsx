import type { ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { MemoryRouter, Route, Routes } from 'react-router';

/** A page under the client and a router at `path`, matched by `pattern` ("/members/:id"). */
export function renderAt(client: Client, path: string, pattern: string, element: ReactNode) {
  return (
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes><Route path={pattern} element={element} /></Routes>
      </MemoryRouter>
    </Provider>
  );
}
