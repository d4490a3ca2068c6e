// The rights of a person the bot holds data about (UK GDPR articles 15 and 17): a copy of everything stored
// about them, and erasure that puts a pseudonym in their place so the partnership's numbers do not change.
// Both are run by the council's IT operator from the command line, and both are recorded in the audit trail.
import { AppError } from '../errors.js';
import { audit } from './audit-trail.js';
import { fail, issue, ok, type Result } from '../domain/result.js';
import {
  identitiesIn,
  keysOf,
  newPseudonym,
  personQuerySchema,
  type PersonKeys,
  type Pseudonym,
} from '../domain/person-records.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';
import type { ErasureCounts, PersonalRecords, StoredRecord } from './ports.js';

export interface SubjectExport {
  subject: PersonKeys;
  exportedAt: string;
  exportedBy: string;
  /** Documents by collection, as stored (ids as `_id`). */
  records: Record<string, Record<string, unknown>[]>;
  count: number;
}

export interface Erasure {
  /** False: a dry run that changed nothing. */
  applied: boolean;
  pseudonym: Pseudonym | null;
  counts: ErasureCounts;
}

/** Every stored document that mentions the person, grouped by collection; the export is audited. */
export async function exportPerson(
  ctx: AppContext,
  records: PersonalRecords,
  input: unknown,
  operator: Actor,
): Promise<Result<SubjectExport, AppError>> {
  const found = await findPerson(records, input);
  if (!found.ok) return found;
  const { keys, docs } = found.value;
  const grouped: Record<string, Record<string, unknown>[]> = {};
  for (const r of docs) (grouped[r.collection] ??= []).push({ _id: r.id, ...r.document });
  const exportedAt = ctx.clock.now().toISOString();
  await ctx.stores.audit.append(
    audit(ctx, {
      actor: operator,
      change: 'person.exported',
      entity: { kind: 'person', id: subjectId(keys), label: 'Subject access export' },
      town: null,
      before: null,
      after: { records: docs.length, collections: Object.keys(grouped) },
    }),
  );
  return ok({ subject: keys, exportedAt, exportedBy: operator.name, records: grouped, count: docs.length });
}

/**
 * Replaces the person with a fresh pseudonym in every record that mentions them and deletes what is theirs
 * alone. Without `apply`, a dry run: what would change, and nothing changed.
 */
export async function erasePerson(
  ctx: AppContext,
  records: PersonalRecords,
  input: unknown,
  operator: Actor,
  apply: boolean,
): Promise<Result<Erasure, AppError>> {
  const found = await findPerson(records, input);
  if (!found.ok) return found;
  const { keys, docs } = found.value;
  if (!apply) {
    const rewritten: Record<string, number> = {};
    for (const r of docs) rewritten[r.collection] = (rewritten[r.collection] ?? 0) + 1;
    return ok({ applied: false, pseudonym: null, counts: { rewritten, deleted: {} } });
  }
  const pseudonym = newPseudonym(ctx.ids.newId().replace(/-/g, '').slice(0, 12));
  const counts = await records.erase(keys, pseudonym);
  // Written after the erasure and naming only the pseudonym: the trail keeps that it happened, not who.
  await ctx.stores.audit.append(
    audit(ctx, {
      actor: operator,
      change: 'person.erased',
      entity: { kind: 'person', id: pseudonym.aadObjectId, label: pseudonym.displayName },
      town: null,
      before: null,
      after: counts,
    }),
  );
  return ok({ applied: true, pseudonym, counts });
}

/** The person's records; what the records add to who they are (names, object id) finds the rest. */
async function findPerson(
  records: PersonalRecords,
  input: unknown,
): Promise<Result<{ keys: PersonKeys; docs: StoredRecord[] }, AppError>> {
  const parsed = personQuerySchema.safeParse(input);
  if (!parsed.success)
    return fail(
      AppError.validation(
        parsed.error.issues.map((i) => issue(i.path.join('.') || 'person', i.message)),
        'Say whose records: --email or --aad-object-id',
      ),
    );
  const keys = keysOf(parsed.data);
  let docs = await records.find(keys);
  const more = docs.map((r) => identitiesIn(r.document, keys));
  const union = (k: keyof PersonKeys) => [...new Set([...keys[k], ...more.flatMap((m) => m[k])])];
  const expanded: PersonKeys = {
    aadObjectIds: union('aadObjectIds'),
    emails: union('emails'),
    names: union('names'),
  };
  const learnt = (k: keyof PersonKeys) => expanded[k].length > keys[k].length;
  if (learnt('aadObjectIds') || learnt('emails') || learnt('names')) docs = await records.find(expanded);
  return ok({ keys: expanded, docs });
}

const subjectId = (keys: PersonKeys) => keys.aadObjectIds[0] ?? keys.emails[0] ?? 'unknown';
