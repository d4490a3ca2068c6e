// The one shape of a change to a versioned record, from a card: load it, authorise the actor for it, check
// it is still the version the card showed, apply the change (the domain's rules), and save it with its
// audit event in one version-checked write. A card that was out of date changes nothing and says so.
import { AppError, ErrorCode } from '../errors.js';
import { fail, ok, type Result, type Validated } from '../domain/result.js';
import type { AuditEvent } from '../domain/audit.js';
import type { Actor, Versioned } from '../domain/entity.js';
import { audit, type Change } from './audit-trail.js';
import type { AppContext } from './context.js';
import type { UpdateOutcome } from './ports.js';

export interface RecordChange<T extends Versioned> {
  load(): Promise<T | null>;
  /** What to say when there is no such record. */
  readonly missing: string;
  /** May this actor make this change to this record? */
  authorise(current: T): Promise<Result<unknown, AppError>>;
  /** The version the card showed; 'current' for changes that need none (a comment, retried on a race). */
  readonly expectedVersion: number | 'current';
  /** What to say when the record moved on since the card was shown. */
  stale(current: T): string;
  apply(current: T): Promise<Result<T, AppError>> | Result<T, AppError>;
  /** The audit event: what changed, on which record, before and after. */
  describe(before: T, after: T): Omit<Change, 'actor'>;
  save(next: T, expectedVersion: number, event: AuditEvent): Promise<UpdateOutcome<T>>;
}

export async function changeRecord<T extends Versioned>(
  ctx: AppContext,
  actor: Actor,
  change: RecordChange<T>,
): Promise<Result<T, AppError>> {
  const current = await change.load();
  if (!current) return fail(new AppError(ErrorCode.NotFound, change.missing));
  const access = await change.authorise(current);
  if (!access.ok) return access;
  const stale = (record: T) => new AppError(ErrorCode.StaleVersion, change.stale(record));
  if (change.expectedVersion !== 'current' && current.version !== change.expectedVersion)
    return fail(stale(current));
  const next = await change.apply(current);
  if (!next.ok) return next;
  const event = audit(ctx, { actor, ...change.describe(current, next.value) });
  const outcome = await change.save(next.value, current.version, event);
  if (outcome.kind === 'updated') return ok(outcome.value);
  return fail(
    outcome.kind === 'stale' ? stale(outcome.current) : new AppError(ErrorCode.NotFound, change.missing),
  );
}

/** The domain's verdict as a use-case result: its issues, under a summary, when the change is refused. */
export function checked<T>(verdict: Validated<T>, summary: string): Result<T, AppError> {
  return verdict.ok ? ok(verdict.value) : fail(AppError.validation(verdict.error, summary));
}
