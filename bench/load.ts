// Load over loopback with autocannon, at a fixed rate (so latency is measured at a known load, not at
// whatever rate saturates the server). Every response time is kept, so the percentiles are exact.
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  /** Responses per second achieved. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  url: string;
  /** Requests per second, spread over the connections. */
  rate: number;
  seconds: number;
  connections?: number;
  /** A new request body for each request (activities differ: ids, actions, users). */
  body?: () => unknown;
  /** GET requests instead, each to the path this gives (the tabs' API). */
  path?: () => string;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url: options.url,
        method: options.path ? 'GET' : 'POST',
        connections: options.connections ?? 10,
        overallRate: options.rate,
        duration: options.seconds,
        timeout: 30,
        headers: options.path ? {} : { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) =>
              options.path
                ? { ...request, method: 'GET', path: options.path() }
                : { ...request, body: JSON.stringify(options.body?.()) },
          },
        ],
      },
      (error, finished) =>
        error ? fail(error instanceof Error ? error : new Error(String(error))) : done(finished),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      times.push(responseTime),
    );
  });
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times.length ? times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]! : 0;
  const ms = (v: number) => Math.round(v * 10) / 10;
  return {
    requests: result.requests.total,
    throughput: ms(result.requests.total / result.duration),
    p50: ms(at(0.5)),
    p95: ms(at(0.95)),
    p99: ms(at(0.99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
