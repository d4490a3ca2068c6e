// The tabs in the manifest are the pages the bot's server serves (src/http/tab-pages.ts), on a valid domain:
// "My actions" and "Help" as personal tabs, the town board as a configurable tab that also opens in meetings
// (the side panel), and the single sign-on resource the server accepts as the tokens' audience.
import { TAB_PAGE_NAMES } from '../../src/http/tab-pages.js';

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** The personal tabs the manifest must list, and the contexts the configurable tab must open in. */
const PERSONAL = ['my-actions', 'help'];
const CONTEXTS = ['channelTab', 'meetingSidePanel'];

export function checkTabs(manifest: Json): string[] {
  const problems: string[] = [];
  const valid = list(manifest['validDomains']) as unknown as string[];
  const page = (where: string, url: unknown, expected?: string): string | null => {
    const parsed = typeof url === 'string' && URL.canParse(url) ? new URL(url) : null;
    if (!parsed || parsed.protocol !== 'https:')
      return (problems.push(`${where}: must be an https:// address`), null);
    if (!valid.includes(parsed.host)) problems.push(`${where}: ${parsed.host} is not in validDomains`);
    const name = parsed.pathname.replace(/^\/tab\//, '');
    if (!parsed.pathname.startsWith('/tab/') || !(TAB_PAGE_NAMES as readonly string[]).includes(name))
      problems.push(`${where}: the bot serves no tab at ${parsed.pathname}`);
    else if (expected && name !== expected) problems.push(`${where}: expected the ${expected} page`);
    return parsed.host;
  };
  const statics = list(manifest['staticTabs']);
  for (const id of PERSONAL) {
    const i = statics.findIndex((t) => t['entityId'] === id);
    if (i < 0) problems.push(`staticTabs: the personal tab "${id}" is missing`);
    else page(`staticTabs/${i}/contentUrl`, statics[i]!['contentUrl'], id);
  }
  const configurable = list(manifest['configurableTabs']);
  if (configurable.length !== 1) problems.push('configurableTabs: one, the town board, is expected');
  const board = configurable[0] ?? {};
  const host = page('configurableTabs/0/configurationUrl', board['configurationUrl'], 'config');
  const contexts = list(board['context']) as unknown as string[];
  for (const context of CONTEXTS)
    if (!contexts.includes(context)) problems.push(`configurableTabs/0/context: must include ${context}`);
  const app = (manifest['webApplicationInfo'] as Json | undefined) ?? {};
  const resource = `api://${host ?? ''}/${String(app['id'])}`;
  if (app['resource'] !== resource)
    problems.push(
      `webApplicationInfo.resource: the tabs' sign-on needs ${resource}, the audience the server accepts`,
    );
  return problems;
}
