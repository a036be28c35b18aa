// A real urql client for component tests, answering from a function instead of the network.
import { Client, fetchExchange } from 'urql';

export type Answer = (operationName: string, variables: Record<string, unknown>) => unknown;

export function testClient(answer: Answer): Client {
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    let body = JSON.parse(String(init?.body ?? '{}')) as { operationName: string; variables: Record<string, unknown> };
    if (!init?.body) {
      // urql sends queries as GET, with the operation in the URL.
      const params = new URL(String(_url)).searchParams;
      body = { operationName: params.get('operationName') ?? '', variables: JSON.parse(params.get('variables') ?? '{}') };
    }
    const data = answer(body.operationName, body.variables ?? {});
    return new Response(JSON.stringify({ data }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return new Client({ url: 'http://test/graphql', exchanges: [fetchExchange], fetch, requestPolicy: 'network-only' });
}
