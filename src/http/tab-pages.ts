// The tabs' pages, on the bot's own server: a small HTML shell per page, the page scripts and styles from
// web/tab/, and the two libraries they use (teams-js, Chart.js) from the installed packages. Every answer
// carries a strict Content Security Policy: scripts, styles and requests from this server only, and framed by
// Microsoft 365's hosts (and the origins TAB_HOST_ORIGINS adds) only. No data is in a page; the page asks the
// API for it with the person's Teams token.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type restify from 'restify';
import { AppError } from '../errors.js';
import { ACTION_STATUSES, STATUS_LABELS } from '../domain/action.js';
import { STATUS_TRANSITIONS } from '../domain/action-status.js';
import { SARA_LABELS } from '../domain/problem-work.js';

export interface TabPageSettings {
  localMode: boolean;
  /** Origins besides Microsoft 365's that may frame the tabs (TAB_HOST_ORIGINS). */
  hostOrigins: readonly string[];
  /** The help tab's topics: the command registry's entries, as the help card shows them. */
  help: readonly { usage: string; description: string }[];
}

/** Microsoft 365's hosts of Teams apps (Teams, Outlook, the Microsoft 365 app, and *.cloud.microsoft). */
const MICROSOFT_365_HOSTS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

const PAGES = {
  'my-actions': { title: 'My actions', charts: false },
  help: { title: 'Help', charts: false },
  board: { title: 'Town board', charts: true },
  config: { title: 'Set up the town board', charts: false },
  meeting: { title: 'Partnership meeting', charts: false },
} as const;
type PageName = keyof typeof PAGES;
/** The pages a manifest's tabs may point at. */
export const TAB_PAGE_NAMES = Object.keys(PAGES) as PageName[];

/** The words and moves the pages show, from the domain's own tables (one source for cards and tabs). */
const VOCABULARY = {
  statuses: ACTION_STATUSES.map((id) => ({ id, label: STATUS_LABELS[id], moves: STATUS_TRANSITIONS[id] })),
  stages: SARA_LABELS,
};

const ASSET = /^[a-z][a-z-]{0,40}\.(js|css|json)$/;
const TYPES = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

export function mountTabPages(server: restify.Server, settings: TabPageSettings): void {
  const policy = contentSecurityPolicy(settings.hostOrigins);
  const assets = assetFiles();
  const send = (res: restify.Response, type: string, body: string, cache: boolean) => {
    res.header('Content-Type', type);
    res.header('Content-Security-Policy', policy);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Cache-Control', cache ? 'public, max-age=3600' : 'no-store');
    res.sendRaw(200, body);
  };

  server.get('/tab/assets/:file', (req, res, next) => {
    const raw: unknown = (req.params as Record<string, unknown>)['file'];
    const file = typeof raw === 'string' ? raw : '';
    const body = ASSET.test(file) ? assets.get(file) : undefined;
    if (body === undefined) {
      res.send(404, { error: 'No such file' });
      return next(false);
    }
    const type = file.endsWith('.js') ? 'js' : file.endsWith('.json') ? 'json' : 'css';
    send(res, TYPES[type], body, !settings.localMode);
    next();
  });

  server.get('/tab/:page', (req, res, next) => {
    const raw: unknown = (req.params as Record<string, unknown>)['page'];
    const name = typeof raw === 'string' ? raw : '';
    if (!Object.hasOwn(PAGES, name)) {
      res.send(404, { error: 'No such tab' });
      return next(false);
    }
    send(res, 'text/html; charset=utf-8', shell(name as PageName, settings), false);
    next();
  });
}

function contentSecurityPolicy(extra: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // Nothing from a CDN: teams-js's list of Teams origins is served from here (see assets below).
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${[...MICROSOFT_365_HOSTS, ...extra].join(' ')}`,
  ].join('; ');
}

/** A page's shell: its settings as inert JSON (the policy allows no inline script), its script and styles. */
function shell(name: PageName, settings: TabPageSettings): string {
  const page = PAGES[name];
  const config = {
    page: name,
    localMode: settings.localMode,
    hostOrigins: settings.hostOrigins,
    ...(name === 'help' ? { help: settings.help } : {}),
    vocabulary: VOCABULARY,
  };
  const vendor = ['teams-js.js', ...(page.charts ? ['chart.js'] : [])];
  return `<!doctype html>
<html lang="en-GB" data-theme="default">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Safer Towns</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/tab/assets/tab.css">
<script type="application/json" id="tab-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
${vendor.map((v) => `<script src="/tab/assets/${v}" defer></script>`).join('\n')}
<script type="module" src="/tab/assets/${name}.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<main id="main" tabindex="-1"><h1>${page.title}</h1><p role="status">Loading…</p></main>
</body>
</html>
`;
}

/** The page files and the two libraries, read once: they do not change while the server runs. */
function assetFiles(): Map<string, string> {
  const dir = webDirectory();
  const files = new Map<string, string>();
  for (const name of [
    'tab.css',
    'dom.js',
    'host.js',
    'charts.js',
    'board-charts.js',
    'evidence.js',
    'controls.js',
    ...Object.keys(PAGES).map((p) => `${p}.js`),
  ])
    files.set(name, readFileSync(join(dir, name), 'utf8'));
  const require = createRequire(import.meta.url);
  // Each package's own entry: teams-js's is its browser bundle; Chart.js's sits beside its browser bundle.
  const [teamsJs, validDomains] = withOwnValidDomains(
    readFileSync(require.resolve('@microsoft/teams-js'), 'utf8'),
  );
  files.set('teams-js.js', teamsJs);
  files.set('valid-domains.json', validDomains);
  const chartDist = dirname(require.resolve('chart.js'));
  files.set('chart.js', readFileSync(join(chartDist, 'chart.umd.min.js'), 'utf8'));
  // The libraries point at source maps this server does not serve.
  for (const [name, body] of files) files.set(name, body.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  return files;
}

/** web/tab/, found from here in the source tree and in the built one (as the card templates are). */
function webDirectory(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'web', 'tab', 'tab.css'))) return join(dir, 'web', 'tab');
    if (dirname(dir) === dir)
      throw AppError.internal(`no web/tab/ folder above ${start}: the tabs cannot be served`);
  }
}

/** Where teams-js fetches Microsoft's list of Teams origins (a CDN a council's network may block). */
const CDN_LIST = 'new URL("https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json")';
/** The list teams-js carries as its fallback, in the shape the CDN serves. */
const FALLBACK_LIST = /JSON\.parse\('(\{"validOrigins":\[[^\]]*\]\})'\)/;

/**
 * teams-js with its origins list read from this server (the list it ships as its fallback), so a tab page
 * fetches nothing from elsewhere and logs no failed request. Refuses to start if teams-js changed shape.
 */
function withOwnValidDomains(bundle: string): [string, string] {
  const list = FALLBACK_LIST.exec(bundle)?.[1];
  if (!bundle.includes(CDN_LIST) || !list)
    throw AppError.internal('teams-js no longer reads its origins list as src/http/tab-pages.ts expects');
  return [bundle.replace(CDN_LIST, 'new URL("/tab/assets/valid-domains.json",self.location.href)'), list];
}
