/**
 * A fetch for Node tests that reaches the simulator as https://demo.worksection.com
 * (the host mapping Chromium gets from --host-resolver-rules), accepting its
 * throw-away certificate.
 */
import { request } from 'node:https';

export function simulatorFetch(port: number): typeof fetch {
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const body = typeof init.body === 'string' ? init.body : undefined;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          servername: url.hostname,
          path: url.pathname + url.search,
          method: init.method ?? 'GET',
          headers: { ...headers, host: url.host },
          rejectUnauthorized: false,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (typeof value === 'string') responseHeaders.set(name, value);
            }
            resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 500, headers: responseHeaders }));
          });
        },
      );
      init.signal?.addEventListener('abort', () => outgoing.destroy(new DOMException('Aborted', 'AbortError')));
      outgoing.on('error', (error) => reject(new TypeError(`fetch failed: ${error.message}`)));
      if (body) outgoing.write(body);
      outgoing.end();
    });
  }) as typeof fetch;
}
