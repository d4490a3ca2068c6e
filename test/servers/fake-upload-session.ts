// A stand-in for the OneDrive upload session Teams creates when someone accepts a file from a bot: PUT the
// bytes with Content-Range, get 201 and the drive item. Records what was uploaded; other requests get 405.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upload {
  path: string;
  contentRange: string | undefined;
  bytes: Buffer;
}

export class FakeUploadSession {
  readonly uploads: Upload[] = [];
  private server: Server | undefined;

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method !== 'PUT') {
          res.writeHead(405).end();
          return;
        }
        const bytes = Buffer.concat(chunks);
        const contentRange = req.headers['content-range'];
        if (contentRange !== `bytes 0-${bytes.length - 1}/${bytes.length}`) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ error: { code: 'invalidRange', message: 'Content-Range does not match' } }),
          );
          return;
        }
        this.uploads.push({ path: req.url ?? '', contentRange, bytes });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'item-1', name: 'report.xlsx', size: bytes.length }));
      });
    });
    await new Promise<void>((ready) => this.server!.listen(0, '127.0.0.1', ready));
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}
