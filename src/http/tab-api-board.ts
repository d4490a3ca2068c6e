// The channel tab's and the meeting side panel's routes: a town's board, the ten towns with the fund, where
// a board tab may be set up, the meeting on now, and a new action proposed in it. A town the person may not
// see is the same 404 as a town that does not exist.
import { z } from 'zod';
import type restify from 'restify';
import { boardPlaces, countyBoardView, townBoardView } from '../app/tab-board.js';
import { meetingPanel, proposeAction } from '../app/meeting-panel.js';
import { answer, callerFor } from './tab-route.js';
import type { TabApiDeps } from './tab-api.js';

const NO_SUCH_TOWN = 'There is no such town board, or it is not one you may see.';
const townParam = z.string().min(1).max(40);

export function mountBoardApi(server: restify.Server, deps: TabApiDeps): void {
  const who = callerFor(deps);
  const townOf = (req: restify.Request) =>
    townParam.safeParse((req.params as Record<string, unknown>)['town']);

  server.get('/tab/api/places', async (req, res) => {
    const caller = await who(req, res);
    if (!caller) return;
    await answer(res, deps.log, async () => ({
      status: 200,
      body: { places: await boardPlaces(deps.ctx, caller.actor) },
    }));
  });

  server.get('/tab/api/county', async (req, res) => {
    const caller = await who(req, res);
    if (!caller) return;
    await answer(
      res,
      deps.log,
      async () => {
        const view = await countyBoardView(deps.ctx, caller.actor);
        if (!view.ok) throw view.error;
        return { status: 200, body: view.value };
      },
      NO_SUCH_TOWN,
    );
  });

  server.get('/tab/api/towns/:town/board', async (req, res) => {
    const caller = await who(req, res);
    if (!caller) return;
    const town = townOf(req);
    if (!town.success) return void res.send(404, { error: NO_SUCH_TOWN });
    await answer(
      res,
      deps.log,
      async () => {
        const view = await townBoardView(deps.ctx, caller.actor, town.data);
        if (!view.ok) throw view.error;
        return { status: 200, body: view.value };
      },
      NO_SUCH_TOWN,
    );
  });

  server.get('/tab/api/towns/:town/meeting', async (req, res) => {
    const caller = await who(req, res);
    if (!caller) return;
    const town = townOf(req);
    if (!town.success) return void res.send(404, { error: NO_SUCH_TOWN });
    await answer(
      res,
      deps.log,
      async () => {
        const panel = await meetingPanel(deps.ctx, caller.actor, town.data);
        if (!panel.ok) throw panel.error;
        return { status: 200, body: panel.value };
      },
      NO_SUCH_TOWN,
    );
  });

  server.post('/tab/api/towns/:town/proposals', async (req, res) => {
    const caller = await who(req, res);
    if (!caller) return;
    const town = townOf(req);
    if (!town.success) return void res.send(404, { error: NO_SUCH_TOWN });
    await answer(
      res,
      deps.log,
      async () => {
        const proposal = await proposeAction(deps.ctx, caller.actor, town.data, req.body);
        if (!proposal.ok) throw proposal.error;
        return { status: 201, body: { proposal: proposal.value } };
      },
      NO_SUCH_TOWN,
    );
  });
}
