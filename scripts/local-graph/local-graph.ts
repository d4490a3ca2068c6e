// Microsoft Graph on this machine, for `npm run dev`: the stand-in over plain HTTP on 127.0.0.1, its
// events kept in a file so a meeting booked yesterday can still be moved today, and the page its join links
// open. The bot in local mode books, moves and cancels meetings here (GRAPH_BASE_URL), so the meeting
// journey can be walked with no tenant: the card and its join link, the agenda, the side panel, the outcomes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { GraphStandIn } from './graph-stand-in.js';
import { joinPage } from './join-page.js';

export interface LocalGraph {
  /** GRAPH_BASE_URL for the bot: http://127.0.0.1:PORT/ */
  url: string;
  stop(): Promise<void>;
}

export interface LocalGraphOptions {
  /** Where the booked events are kept between runs. */
  eventsFile: string;
  /** The bot's own address, for the join page's links to the side panel. */
  botUrl: string;
  /** A fixed port: the join links saved on meeting cards must still open after a restart. */
  port: number;
}

export async function startLocalGraph(options: LocalGraphOptions): Promise<LocalGraph> {
  const base = `http://127.0.0.1:${options.port}/`;
  const save = () => writeFileSync(options.eventsFile, JSON.stringify([...graph.events.values()], null, 2));
  const graph = new GraphStandIn({
    anyUser: true,
    joinUrl: (id) => `${base}meetings/${encodeURIComponent(id)}`,
    onEventsChanged: save,
  });
  graph.restore(readEvents(options.eventsFile));
  const server = createServer((req, res) => void answer(graph, options.botUrl, req, res));
  await new Promise<void>((ready, failed) => {
    server.once('error', failed).listen(options.port, '127.0.0.1', ready);
  });
  return {
    url: base,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function answer(graph: GraphStandIn, botUrl: string, req: IncomingMessage, res: ServerResponse) {
  const meeting = /^\/meetings\/([^/?]+)/.exec(req.url ?? '')?.[1];
  if (req.method !== 'GET' || !meeting) return graph.handle(req, res);
  const event = graph.events.get(decodeURIComponent(meeting));
  res.writeHead(event ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(joinPage(event ?? null, botUrl));
}

function readEvents(file: string): Record<string, unknown>[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [];
  } catch {
    return []; // none yet, or unreadable: start with no events rather than not at all
  }
}
