// The tabs' JSON API, on the bot's own server: who is asking (tab-identity.ts) before anything else, then
// one use case per route. A record the person may not see or change is a 404 that says no more than that;
// a stale version is a 409, as a stale card is; nothing is cached.
import { z } from 'zod';
import type restify from 'restify';
import type { Logger } from 'pino';
import { ACTION_STATUSES } from '../domain/action.js';
import { localDateSchema } from '../domain/dates.js';
import { changeFromTab, myWork, type TypedChange } from '../app/tab-work.js';
import type { EffectRunner } from '../app/action-effects.js';
import type { AppContext } from '../app/context.js';
import { answer, callerFor } from './tab-route.js';
import type { TabCaller } from './tab-identity.js';

export interface TabApiDeps {
  ctx: AppContext;
  log: Logger;
  callerOf(authorization: string | undefined, loopback: boolean): Promise<TabCaller>;
  /** Carries out what a change causes, as after a click (the channel's copy, a next occurrence posted). */
  effects: EffectRunner;
}

const version = z.number().int().min(1).max(1_000_000_000);
const CHANGES = {
  status: z.object({ version, status: z.enum(ACTION_STATUSES), reason: z.string().max(1_000).optional() }),
  note: z.object({ version, note: z.string().min(1).max(2_000) }),
  due: z.object({ version, dueDate: localDateSchema, reason: z.string().max(1_000).optional() }),
} as const;

const changeOf = {
  status: (b: z.output<typeof CHANGES.status>): TypedChange => ({
    kind: 'status',
    status: b.status,
    reason: b.reason ?? null,
  }),
  note: (b: z.output<typeof CHANGES.note>): TypedChange => ({ kind: 'note', text: b.note }),
  due: (b: z.output<typeof CHANGES.due>): TypedChange => ({
    kind: 'due_date',
    dueDate: b.dueDate,
    reason: b.reason ?? null,
  }),
};

export function mountTabApi(server: restify.Server, deps: TabApiDeps): void {
  const who = callerFor(deps);

  server.get('/tab/api/my-work', async (req, res) => {
    const caller = await who(req, res);
    if (!caller) return;
    const { actor, localMode } = caller;
    await answer(res, deps.log, async () => {
      const work = await myWork(deps.ctx, actor);
      const explanation = work.seats.length
        ? ''
        : 'You have no seat in a Safer Towns partnership yet. A coordinator of your town can add you, or ask in Teams: "join Truro as ...".';
      // In local mode the page says who it is acting as: there is no sign-in.
      return { status: 200, body: { name: actor.name, localMode, ...work, explanation } };
    });
  });

  for (const kind of ['status', 'note', 'due'] as const)
    server.post(`/tab/api/actions/:id/${kind}`, async (req, res) => {
      const actor = (await who(req, res))?.actor;
      if (!actor) return;
      const id = z
        .string()
        .max(100)
        .safeParse((req.params as Record<string, unknown>)['id']);
      const body = CHANGES[kind].safeParse(req.body);
      if (!id.success || !body.success)
        return void res.send(400, {
          error: 'Not a change I can read',
          issues: body.error?.issues.length ?? 0,
        });
      await answer(res, deps.log, async () => {
        const change = (changeOf[kind] as (b: unknown) => TypedChange)(body.data);
        const request = { actionId: id.data, expectedVersion: body.data.version, change };
        const result = await changeFromTab(deps.ctx, actor, request);
        if (!result.ok) throw result.error;
        // The page has its answer now; the channel's copy follows (the runner finishes it in the background).
        void deps.effects.run(result.value.effects).catch((err: unknown) => {
          deps.log.warn({ err, ref: result.value.action.ref }, 'a tab change had effects not carried out');
        });
        return { status: 200, body: { action: result.value.action } };
      });
    });
}
