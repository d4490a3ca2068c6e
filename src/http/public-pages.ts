// A town's public page on the web, at /public/<town>: what `public summary` shows in Teams and `npm run
// public-summary` writes, for the council's site to link to. Public records only (actions a coordinator made
// public, public events), screened when saved and again when the summary is built; nothing needs signing in.
import type restify from 'restify';
import type { Logger } from 'pino';
import { findTown, TOWNS, type TownSlug } from '../domain/towns.js';

/** The page's HTML for a town. */
export type PublicPageRenderer = (town: TownSlug) => Promise<string>;

export function mountPublicPages(server: restify.Server, render: PublicPageRenderer, log: Logger): void {
  server.get('/public/:town', async (req, res) => {
    const raw: unknown = (req.params as Record<string, unknown>)['town'];
    const town = typeof raw === 'string' ? findTown(raw) : undefined;
    if (!town || !TOWNS.some((t) => t.slug === town.slug)) {
      res.send(404, { error: 'No such town: the address ends in a town, such as /public/truro' });
      return;
    }
    try {
      const html = await render(town.slug);
      res.header('Content-Type', 'text/html; charset=utf-8');
      res.header('Cache-Control', 'public, max-age=300');
      res.sendRaw(200, html);
    } catch (error) {
      log.warn({ err: error, town: town.slug }, 'public page failed');
      res.send(503, { error: 'The page cannot be made just now; please try again shortly' });
    }
  });
}
