// Microsoft Graph v1.0 for the tests: the stand-in `npm run dev` uses (scripts/local-graph), served over
// HTTPS (self-signed certificate, trusted by the test processes via NODE_EXTRA_CA_CERTS), knowing only the
// users a test adds. Tests read `requests`, `events` and `installed`, and push `faults`.
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { GraphStandIn } from '../../scripts/local-graph/graph-stand-in.js';
import { closeServer, listenHttps, type Tls } from './https-stand-in.js';

export class FakeGraph extends GraphStandIn {
  private server: Server | undefined;

  constructor(private readonly tls: Tls) {
    super({ anyUser: false, joinUrl: (id) => `https://teams.microsoft.com/l/meetup-join/${id}` });
  }

  get baseUrl(): string {
    return `https://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async start(): Promise<void> {
    this.server = await listenHttps(this.tls, (req, res) => this.handle(req, res));
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }
}
