// Evidence for a progress note: a link to a document in the partnership's own SharePoint or OneDrive, never
// anywhere else (a link elsewhere could lead partners to copies of records outside the council's control).
import { fail, issue, ok, type Validated } from './result.js';

/** Long enough for a SharePoint sharing link; longer is not a document address. */
export const MAX_LINK_LENGTH = 2000;

/**
 * The tenant's document hosts from its SharePoint host: `contoso.sharepoint.com` keeps the team sites, and
 * `contoso-my.sharepoint.com` everyone's OneDrive.
 */
export function documentHosts(sharePointHost: string): string[] {
  const host = sharePointHost.trim().toLowerCase();
  if (!host) return [];
  const [tenant, ...rest] = host.split('.');
  return [host, [`${tenant}-my`, ...rest].join('.')];
}

/** The link, checked: https, on one of `hosts`, with no credentials in it. */
export function evidenceLink(raw: string, hosts: readonly string[]): Validated<string> {
  const text = raw.trim();
  const refuse = (message: string) => fail([issue('link', message)]);
  if (!hosts.length)
    return refuse('Evidence links are not turned on here: ask IT to set the partnership SharePoint host');
  if (text.length > MAX_LINK_LENGTH) return refuse('That link is too long to be a document address');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('That is not a web address: paste the link from "Copy link" in SharePoint or OneDrive');
  }
  const where = `${hosts.join(' or ')}`;
  if (url.protocol !== 'https:')
    return refuse(`Evidence links must start with https:// and point to ${where}`);
  if (url.username || url.password) return refuse('That link carries a user name or password: copy it again');
  if (!hosts.includes(url.hostname.toLowerCase()))
    return refuse(
      `Only documents in the partnership's SharePoint or OneDrive (${where}) can be linked as evidence, not ${url.hostname}`,
    );
  return ok(url.toString());
}
