/** A scripted stand-in for `fetch` in unit tests: answers in order and records what was asked. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  csrf: string | null;
  credentials: RequestCredentials;
}

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body, headers };
}

export function createFakeFetch(script: Record<string, Answer[]>) {
  const requests: RecordedRequest[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    requests.push({
      method: request.method,
      path: url.pathname,
      authorization: request.headers.get('authorization'),
      csrf: request.headers.get('x-csrf-token'),
      credentials: request.credentials,
    });
    const answer = script[key]?.shift();
    if (!answer) throw new Error(`No scripted answer left for ${key}`);
    const isProblem = answer.status >= 400;
    const headers = {
      'content-type': isProblem ? 'application/problem+json' : 'application/json',
      ...answer.headers,
    };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers,
    });
  };
  return { fetchFn, requests };
}
