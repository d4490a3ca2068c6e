// A Microsoft Graph client from a token provider and a base URL (Graph itself, or a local stand-in in tests).
// Retries are the SDK's RetryHandler: 429, 503 and 504, honouring Retry-After, otherwise exponential backoff
// with random jitter, at most `maxRetries` times, each wait capped at 180 s by the SDK.
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { TracingHandler } from './tracing-handler.js';

export interface TokenProvider {
  getAccessToken(): Promise<string>;
}

export interface GraphClientOptions {
  baseUrl: string;
  tokens: TokenProvider;
  maxRetries?: number;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const authProvider: AuthenticationProvider = { getAccessToken: () => options.tokens.getAccessToken() };
  const auth = new AuthenticationHandler(authProvider);
  const retry = new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 3));
  const http = new HTTPMessageHandler();
  const tracing = new TracingHandler();
  tracing.setNext(auth);
  auth.setNext(retry);
  retry.setNext(http);
  const base = new URL(options.baseUrl);
  return Client.initWithMiddleware({
    middleware: tracing,
    baseUrl: base.href,
    defaultVersion: 'v1.0',
    // The SDK attaches the token only to hosts it knows as Graph; a configured stand-in must be named here.
    customHosts: new Set([base.hostname]),
  });
}
