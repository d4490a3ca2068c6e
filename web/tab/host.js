// The page's side of Teams: teams-js's handshake (initialize, context, theme), the person's Teams token for
// each API call, and the one place the page says what happened (a live region screen readers announce).
// Opened outside Teams in local mode, the page runs as the server's demo user and says so.

/** @typedef {{ page: string, localMode: boolean, hostOrigins: string[], help?: {usage: string, description: string}[], vocabulary: { statuses: {id: string, label: string, moves: string[]}[], stages: Record<string, string> } }} TabConfig */
/** @typedef {{ ok: boolean, status: number, body: any }} ApiAnswer */

/** @type {TabConfig} */
export const config = JSON.parse(document.getElementById('tab-config')?.textContent ?? '{}');

/** @returns {any} */
const teams = () => /** @type {any} */ (window).microsoftTeams;
const HANDSHAKE_MS = 10_000;

/**
 * @typedef {{ context: any, frameContext: string, inTeams: boolean, api: (path: string, init?: {method?: string, body?: unknown}) => Promise<ApiAnswer>, main: HTMLElement, say: (message: string, kind?: 'info' | 'error') => void, onTheme: (listener: () => void) => void }} Tab
 * @returns {Promise<Tab>}
 */
export async function startTab() {
  const main = /** @type {HTMLElement} */ (document.getElementById('main'));
  const statusLine = document.createElement('p');
  statusLine.className = 'announce';
  statusLine.setAttribute('role', 'status');
  statusLine.setAttribute('aria-live', 'polite');
  document.body.prepend(statusLine);
  /** @type {(() => void)[]} */
  const themeListeners = [];
  const say = (/** @type {string} */ message, kind = 'info') => {
    statusLine.textContent = message;
    statusLine.dataset['kind'] = kind;
  };
  const theme = (/** @type {string} */ name) => {
    document.documentElement.dataset['theme'] = ['dark', 'contrast'].includes(name) ? name : 'default';
    for (const listener of themeListeners) listener();
  };
  const onTheme = (/** @type {() => void} */ listener) => void themeListeners.push(listener);

  const framed = window.parent !== window;
  if (!framed) {
    if (!config.localMode)
      throw new Error('This page opens inside Microsoft Teams: add the Safer Towns app there.');
    const asked = new URLSearchParams(location.search).get('theme');
    theme(asked ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default'));
    return {
      context: null,
      frameContext: 'content',
      inTeams: false,
      api: apiWith(async () => null),
      main,
      say,
      onTheme,
    };
  }
  await within(teams().app.initialize(config.hostOrigins), HANDSHAKE_MS);
  const context = await within(teams().app.getContext(), HANDSHAKE_MS);
  theme(context?.app?.theme ?? 'default');
  teams().app.registerOnThemeChangeHandler(theme);
  teams().app.notifySuccess();
  // Local mode has no Entra to ask: the server answers this machine only, as the demo user.
  const token = config.localMode ? async () => null : () => teams().authentication.getAuthToken();
  return {
    context,
    frameContext: context?.page?.frameContext ?? 'content',
    inTeams: true,
    api: apiWith(token),
    main,
    say,
    onTheme,
  };
}

/** @param {() => Promise<string | null>} token */
function apiWith(token) {
  return async (/** @type {string} */ path, /** @type {{method?: string, body?: unknown}} */ init = {}) => {
    /** @type {Record<string, string>} */
    const headers = { Accept: 'application/json' };
    const bearer = await token().catch(() => null);
    if (bearer) headers['Authorization'] = `Bearer ${bearer}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
    });
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, body };
  };
}

/** @template T @param {Promise<T>} promise @param {number} ms @returns {Promise<T>} */
function within(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('Teams did not answer: open the tab again.')), ms),
    ),
  ]);
}

/** Who the page is acting for, said at the top: in local mode there is no sign-in. */
export function signedInLine(/** @type {{name: string, localMode: boolean}} */ who) {
  const line = document.createElement('p');
  line.className = who.localMode ? 'local-mode' : 'signed-in';
  line.textContent = who.localMode
    ? `Local mode: no sign-in on this machine, so this page acts as the demo user ${who.name}.`
    : `Signed in as ${who.name}.`;
  return line;
}

/** Starts a page, and says plainly what went wrong if it cannot. */
export function run(/** @type {(tab: Tab) => Promise<void>} */ page) {
  startTab()
    .then(page)
    .catch((/** @type {unknown} */ error) => {
      const main = document.getElementById('main');
      const message = error instanceof Error ? error.message : 'The page could not start.';
      if (main)
        main.replaceChildren(
          Object.assign(document.createElement('p'), { className: 'problem', textContent: message }),
        );
    });
}
