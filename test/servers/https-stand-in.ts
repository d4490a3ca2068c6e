// What the HTTPS stand-ins share: a server on 127.0.0.1 with the test run's certificate, and its request body.
import { createServer, type Server } from 'node:https';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Tls = { certPath: string; keyPath: string };

export async function listenHttps(
  tls: Tls,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<Server> {
  const server = createServer(
    { cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) },
    (req, res) => void handle(req, res),
  );
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return server;
}

export function closeServer(server: Server | undefined): Promise<void> {
  return new Promise<void>((done) => (server ? server.close(() => done()) : done()));
}

export { bodyOf } from '../../scripts/local-graph/graph-stand-in.js';
