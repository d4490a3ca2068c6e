// What every tab route shares: who is asking (refused with 401 or 503 and no data), and how a use case's
// answer becomes a response. A record the person may not see or change is a 404 that says no more than that;
// a stale version is a 409, as a stale card is; nothing is cached.
import type restify from 'restify';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import type { Actor } from '../domain/entity.js';
import type { TabCaller } from './tab-identity.js';

interface CallerDeps {
  log: Logger;
  callerOf(authorization: string | undefined, loopback: boolean): Promise<TabCaller>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.Validation]: 422,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Forbidden]: 404, // never whether it exists
  [ErrorCode.Unavailable]: 503,
};
/** Said for any 404 of a write: never whether the action exists. */
const NO_SUCH = 'There is no such action, or it is not one you may change.';

export function callerFor(deps: CallerDeps) {
  return async (
    req: restify.Request,
    res: restify.Response,
  ): Promise<{ actor: Actor; localMode: boolean } | null> => {
    res.header('Cache-Control', 'no-store');
    const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
    const caller = await deps.callerOf(req.header('authorization') || undefined, loopback);
    if (caller.ok) return caller;
    deps.log.info({ reqId: req.id(), reason: caller.reason }, 'tab request refused');
    res.send(caller.status, { error: caller.status === 401 ? 'Sign in again' : 'Try again shortly' });
    return null;
  };
}

/**
 * Runs a route; an AppError becomes its status and safe message, anything else a logged 500 with no detail.
 * A 404 says `notFound` (the route's own words), whatever the use case said.
 */
export async function answer(
  res: restify.Response,
  log: Logger,
  run: () => Promise<{ status: number; body: unknown }>,
  notFound = NO_SUCH,
): Promise<void> {
  try {
    const { status, body } = await run();
    res.send(status, body);
  } catch (error) {
    const status = error instanceof AppError ? STATUS[error.code] : undefined;
    if (status === undefined || !(error instanceof AppError)) {
      log.error({ err: error }, 'tab request failed');
      return void res.send(500, { error: 'Something went wrong on our side' });
    }
    const message = status === 404 ? notFound : error.message;
    res.send(status, { error: message, issues: error.issues.map((i) => i.message) });
  }
}
