// A real urql client for component tests, answering from a function instead of the network.
import { Client, fetchExchange } from 'urql';

export type Answer = (operationName: string, variables: Record<string, unknown>) => unknown;

export function testClient(answer: Answer): Client {
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { operationName: string; variables: Record<string, unknown> };
    const data = answer(body.operationName, body.variables ?? {});
    return new Response(JSON.stringify({ data }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch, requestPolicy: 'network-only' });
}
