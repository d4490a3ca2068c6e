// A span for each Microsoft Graph call (retries included), as a link in the Graph SDK's middleware chain.
// The path is recorded with every id, e-mail address and number replaced, so it names the kind of call
// ("POST /users/{id}/events") and nobody's mailbox.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { inSpan, SpanKind, describeCurrentSpan } from '../telemetry/instruments.js';

export class TracingHandler implements Middleware {
  private next: Middleware | undefined;

  async execute(context: Context): Promise<void> {
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const request = context.request as string | { url: string };
    const url = typeof request === 'string' ? request : request.url;
    const route = routeOf(new URL(url).pathname);
    await inSpan(
      `graph ${method} ${route}`,
      { 'http.request.method': method, 'url.template': route },
      async () => {
        await this.next!.execute(context);
        if (context.response) describeCurrentSpan({ 'http.response.status_code': context.response.status });
      },
      SpanKind.CLIENT,
    );
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * `/v1.0/users/ann@x.example/events/AAMk...` → `/v1.0/users/{id}/events/{id}`: Graph's own path words are
 * letters only; ids, e-mail addresses and keys have digits, `@`, `-` or `=` in them.
 */
function routeOf(path: string): string {
  return path
    .split('/')
    .map((part) => (part === '' || /^(v1\.0|beta|[A-Za-z]{1,40})$/.test(part) ? part : '{id}'))
    .join('/');
}
