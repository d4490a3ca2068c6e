// The channel tab's and the meeting side panel's routes: a town's board, the ten towns with the fund, where
// a board tab may be set up, the meeting on now, and a new action proposed in it. A town the person may not
// see is the same 404 as a town that does not exist.
import { z } from 'zod';
import type restify from 'restify';
import { boardPlaces, countyBoardView, townBoardView } from '../app/tab-board.js';
import { meetingPanel, proposeAction } from '../app/meeting-panel.js';
import { ok, type Result } from '../domain/result.js';
import { answer, callerFor } from './tab-route.js';
import type { AppError } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { TabApiDeps } from './tab-api.js';

const NO_SUCH_TOWN = 'There is no such town board, or it is not one you may see.';
const townParam = z.string().min(1).max(40);

export function mountBoardApi(server: restify.Server, deps: TabApiDeps): void {
  const who = callerFor(deps);
  /** A route answered by one use case; a refused town is the same 404 as one that does not exist. */
  const route = (
    method: 'get' | 'post',
    path: string,
    run: (actor: Actor, req: restify.Request) => Promise<Result<unknown, AppError>>,
    status = 200,
  ) =>
    server[method](path, async (req: restify.Request, res: restify.Response) => {
      const caller = await who(req, res);
      if (!caller) return;
      await answer(
        res,
        deps.log,
        async () => {
          const result = await run(caller.actor, req);
          if (!result.ok) throw result.error;
          return { status, body: result.value };
        },
        NO_SUCH_TOWN,
      );
    });
  /** The town named in the path (a name too long or not text is no town). */
  const town = (req: restify.Request) => {
    const parsed = townParam.safeParse((req.params as Record<string, unknown>)['town']);
    return parsed.success ? parsed.data : '';
  };

  route('get', '/tab/api/places', async (actor) => ok({ places: await boardPlaces(deps.ctx, actor) }));
  route('get', '/tab/api/county', (actor) => countyBoardView(deps.ctx, actor));
  route('get', '/tab/api/towns/:town/board', (actor, req) => townBoardView(deps.ctx, actor, town(req)));
  route('get', '/tab/api/towns/:town/meeting', (actor, req) => meetingPanel(deps.ctx, actor, town(req)));
  route(
    'post',
    '/tab/api/towns/:town/proposals',
    async (actor, req) => {
      const proposal = await proposeAction(deps.ctx, actor, town(req), req.body);
      return proposal.ok ? ok({ proposal: proposal.value }) : proposal;
    },
    201,
  );
}
