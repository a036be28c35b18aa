// Test helper: a real urql client over a fake fetch that answers by operation name.
import type { ReactNode } from 'react';
import { Client, Provider, fetchExchange } from 'urql';
import { MemoryRouter, Route, Routes } from 'react-router';

export type Responder = (variables: Record<string, unknown>) => unknown;

export function fakeClient(responders: Record<string, Responder>, calls: { name: string; variables: Record<string, unknown> }[] = []) {
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { query: string; variables?: Record<string, unknown> };
    const name = /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    calls.push({ name, variables: body.variables ?? {} });
    const responder = responders[name];
    const payload = responder ? responder(body.variables ?? {}) : { errors: [{ message: `no fake for ${name}` }] };
    return new Response(JSON.stringify(payload), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch, requestPolicy: 'network-only', preferGetMethod: false });
}

export function renderAt(client: Client, path: string, pattern: string, element: ReactNode) {
  return (
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes><Route path={pattern} element={element} /></Routes>
      </MemoryRouter>
    </Provider>
  );
}

export const adminViewer = () => ({
  data: { viewer: { __typename: 'Viewer', user: { __typename: 'User', id: 'U1', name: 'Admin', email: 'a@x', role: 'ADMIN' }, sessionExpiresAt: '2026-12-01T00:00:00Z' } },
});
