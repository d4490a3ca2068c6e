// An action's stable link: the bot's own web address and the action's reference, which never changes and is
// never reused (https://safertowns.example.gov.uk/actions/TRU-014). Pasted in Teams it unfurls to the card.
import { normaliseActionRef } from './action.js';

export function actionLink(base: string, ref: string): string {
  return `${base.replace(/\/+$/, '')}/actions/${encodeURIComponent(ref)}`;
}

/** The reference a link names, when it is one of ours (same scheme and host); null for anything else. */
export function refOfLink(base: string, link: string): string | null {
  let url: URL;
  let ours: URL;
  try {
    url = new URL(link.trim());
    ours = new URL(base);
  } catch {
    return null;
  }
  if (url.protocol !== ours.protocol || url.host.toLowerCase() !== ours.host.toLowerCase()) return null;
  const prefix = ours.pathname.replace(/\/+$/, '');
  const match = /^\/actions\/([^/?#]{1,20})\/?$/.exec(url.pathname.slice(prefix.length));
  if (!url.pathname.startsWith(prefix) || !match) return null;
  try {
    return normaliseActionRef(decodeURIComponent(match[1]!));
  } catch {
    return null; // not valid percent-encoding
  }
}
