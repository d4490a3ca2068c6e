// An action's history from the audit trail, a page at a time, newest first: for the members of its town
// only (the trail names who did what, which the board's county-wide view does not need).
import { AppError, ErrorCode } from '../errors.js';
import { fail, ok, type Result } from '../domain/result.js';
import { townBySlug } from '../domain/towns.js';
import { roleIn } from './authorise.js';
import { mayChangeAction, type Action } from '../domain/action.js';
import type { AuditEvent } from '../domain/audit.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

const HISTORY_PAGE_SIZE = 8;
/** Far enough back for any action; a longer trail is the audit export's job. */
const MAX_PAGE = 50;

export interface HistoryPage {
  action: Action;
  events: AuditEvent[];
  page: number;
  hasOlder: boolean;
  /** Whether this person may change the action (the card's buttons). */
  mayEdit: boolean;
}

export async function actionHistory(
  ctx: AppContext,
  actor: Actor,
  request: { actionId: string; page: number },
): Promise<Result<HistoryPage, AppError>> {
  const action = await ctx.stores.actions.get(request.actionId);
  if (!action) return fail(new AppError(ErrorCode.NotFound, 'That action no longer exists'));
  const role = await roleIn(ctx, actor, action.town);
  if (!role || role === 'board')
    return fail(
      new AppError(
        ErrorCode.Forbidden,
        `An action's history is for the members of the ${townBySlug(action.town).name} partnership`,
      ),
    );
  const page = Math.min(Math.max(0, Math.trunc(request.page)), MAX_PAGE);
  const found = await ctx.stores.audit.pageForEntity(action.id, {
    skip: page * HISTORY_PAGE_SIZE,
    limit: HISTORY_PAGE_SIZE + 1,
  });
  const mayEdit = mayChangeAction(action, actor.id, role);
  return ok({
    action,
    events: found.slice(0, HISTORY_PAGE_SIZE),
    page,
    hasOlder: found.length > HISTORY_PAGE_SIZE && page < MAX_PAGE,
    mayEdit,
  });
}
