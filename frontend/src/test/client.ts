// The urql clients of the component tests, answering from the test instead
// of the network. testClient is a real urql client over a fake fetch (so
// requests are real GraphQL, answered a tick later); syncClient answers at
// once, for pages whose test reads them right after the first render.
import { Client, fetchExchange } from 'urql';
import { fromValue, never } from 'wonka';
import { print, type DocumentNode } from 'graphql';

/** An operation the client was asked to run. */
export interface Call {
  name: string;
  variables: Record<string, unknown>;
  /** The document as sent. */
  text: string;
}

/** The response body for an operation: `{ data }`, `{ errors }` or both. */
export type Responder = (variables: Record<string, unknown>) => { data?: unknown; errors?: unknown[] };

/**
 * A real urql client (network-only, POST) whose fetch answers each operation
 * by its name from `responders`; an operation without one gets a GraphQL
 * error. Every request is recorded in `calls`.
 */
export function testClient(responders: Record<string, Responder>, calls: Call[] = []): Client {
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { query: string; operationName?: string; variables?: Record<string, unknown> };
    const name = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    calls.push({ name, variables: body.variables ?? {}, text: body.query });
    const responder = responders[name];
    const payload = responder ? responder(body.variables ?? {}) : { errors: [{ message: `no answer for ${name}` }] };
    return new Response(JSON.stringify(payload), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch, requestPolicy: 'network-only', preferGetMethod: false });
}

/** The data of an operation, for syncClient. */
export type SyncAnswer = (call: Call) => unknown;

/**
 * A stand-in urql client that answers queries and mutations at once (in the
 * same render) with `{ data: answer(call) }`; subscriptions never answer.
 * Every operation is recorded in `calls`.
 */
export function syncClient(answer: SyncAnswer, calls: Call[] = []): Client {
  const run = ({ query, variables }: { query: DocumentNode; variables?: Record<string, unknown> }) => {
    const op = query.definitions.find((d) => d.kind === 'OperationDefinition');
    const call = { name: op && 'name' in op && op.name ? op.name.value : '', variables: variables ?? {}, text: print(query) };
    calls.push(call);
    return { data: answer(call), operation: {}, stale: false, hasNext: false };
  };
  return {
    executeQuery: (request: { query: DocumentNode; variables?: Record<string, unknown> }) => fromValue(run(request)),
    executeMutation: (request: { query: DocumentNode; variables?: Record<string, unknown> }) => fromValue(run(request)),
    executeSubscription: () => never,
    query: (query: DocumentNode, variables?: Record<string, unknown>) => ({ toPromise: () => Promise.resolve(run({ query, variables })) }),
  } as unknown as Client;
}

/** The Viewer answer for an administrator, signed in. */
export const adminViewer: Responder = () => ({
  data: { viewer: { __typename: 'Viewer', user: { __typename: 'User', id: 'U1', name: 'Admin', email: 'a@x', role: 'ADMIN' }, sessionExpiresAt: '2026-12-01T00:00:00Z' } },
});
