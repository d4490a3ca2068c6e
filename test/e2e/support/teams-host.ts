// A local Teams host page for the tabs' browser tests: it frames a tab as Teams does and answers teams-js's
// messages with their documented shapes (initialize: frame context, client type, runtime config, version;
// getContext: the context; authentication.getAuthToken: a token from the local Entra stand-in;
// settings.*: the configuration page's save). `setTheme` sends Teams' themeChange; `save` presses Save.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostOptions {
  /** The tab's address, framed by the page. */
  tabUrl: string;
  frameContext: 'content' | 'settings' | 'sidePanel';
  theme: 'default' | 'dark' | 'contrast';
  /** The context's extra fields (entityId, meetingId, teamId...). */
  context?: Record<string, unknown>;
}

export class TeamsHost {
  private server: Server | undefined;
  origin = '';
  /** Signs the person in: a fresh token each time the tab asks. */
  constructor(private readonly token: () => string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.origin || 'http://127.0.0.1');
      if (url.pathname === '/token') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(this.token());
        return;
      }
      if (url.pathname !== '/host') {
        res.writeHead(404);
        res.end();
        return;
      }
      const options = JSON.parse(url.searchParams.get('options') ?? '{}') as HostOptions;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(options));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(options: HostOptions): string {
    return `${this.origin}/host?options=${encodeURIComponent(JSON.stringify(options))}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: {
    appInitialization: {},
    authentication: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {} },
    teamsCore: {},
    meeting: {},
  },
};

function page(options: HostOptions): string {
  const tabOrigin = new URL(options.tabUrl).origin;
  const context = {
    theme: options.theme,
    frameContext: options.frameContext,
    hostClientType: 'web',
    locale: 'en-gb',
    tid: '11111111-2222-4333-8444-555555555555',
    appSessionId: 'local-session',
    sessionId: 'local-session',
    ...options.context,
  };
  const settings = JSON.stringify({ options, tabOrigin, context, runtime: JSON.stringify(RUNTIME) });
  return `<!doctype html><html><head><title>Local Teams host</title></head>
<body style="margin:0"><iframe id="tab" title="Safer Towns tab" style="width:100%;height:100vh;border:0"></iframe>
<script>
const { options, tabOrigin, context, runtime } = ${settings.replace(/</g, '\\u003c')};
const frame = document.getElementById('tab');
window.host = { messages: [], saved: null, validity: null, saveResult: null };
window.addEventListener('message', async (event) => {
  if (event.source !== frame.contentWindow || event.origin !== tabOrigin) return;
  const message = event.data;
  if (!message || typeof message.func !== 'string') return;
  window.host.messages.push(message.func);
  const reply = (args) =>
    frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, tabOrigin);
  switch (message.func) {
    case 'initialize': return reply([options.frameContext, 'web', runtime, '2.58.0']);
    case 'getContext': return reply([context]);
    case 'authentication.getAuthToken': return reply([true, await (await fetch('/token')).text()]);
    case 'settings.setSettings': window.host.saved = message.args[0]; return reply([true]);
    case 'settings.setValidityState': window.host.validity = message.args[0]; return;
    case 'settings.save.success': window.host.saveResult = 'success'; return;
    case 'settings.save.failure': window.host.saveResult = 'failure: ' + message.args[0]; return;
    default: return; // one-way messages (appInitialization.*, registerHandler)
  }
});
window.setTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, tabOrigin);
window.save = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, tabOrigin);
frame.src = options.tabUrl;
</script></body></html>`;
}
