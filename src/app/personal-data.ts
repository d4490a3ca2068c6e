// The personal-data guard's use cases: whom a text may name as themselves, a warning the person overrode
// (kept in the audit trail with their reason), and the scan of what is already stored.
import { keptText, screenFields } from '../domain/personal-data.js';
import type { ScreenedText } from '../domain/screened-text.js';
import type { FieldsScreening, PersonalDataKind, Verdict } from '../domain/personal-data-findings.js';
import { ALL_TOWNS, type TownSlug } from '../domain/towns.js';
import type { MembershipScope } from '../domain/member.js';
import { SEED_FUND_ID } from '../domain/seed-fund.js';
import { audit } from './audit-trail.js';
import { listWholeActions } from './whole-actions.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

/**
 * The names a text may use without a finding: the author, the members of the author's towns, and the
 * members of the town the text is for (a system actor, such as an import, has only that town's).
 */
async function knownPeople(ctx: AppContext, actor: Actor, town?: TownSlug): Promise<string[]> {
  const seats = actor.kind === 'user' ? await ctx.stores.members.listByPerson(actor.id) : [];
  const towns = [...new Set([...seats.map((s) => s.town), ...(town ? [town] : [])])];
  const members = (await Promise.all(towns.map((t) => ctx.stores.members.listByTown(t)))).flat();
  return [...(actor.kind === 'user' ? [actor.name] : []), ...members.map((m) => m.displayName)];
}

/**
 * The guard as every way in applies it: the fields screened together, with the names of the author and of
 * the members of their towns and of the text's town known (looked up only when something was found).
 * `allowed` is false for what is refused, and for a warning nobody has confirmed.
 */
export async function screenForActor<F extends string>(
  ctx: AppContext,
  actor: Actor,
  fields: { readonly [K in F]?: string | undefined },
  options: { confirmed?: boolean | undefined; town?: TownSlug | undefined } = {},
): Promise<GuardAnswer<F>> {
  let screening = screenFields(fields);
  if (screening.verdict !== 'clear')
    screening = screenFields(fields, { knownNames: await knownPeople(ctx, actor, options.town) });
  const text = keptText(fields, screening, options.confirmed === true);
  return { ...screening, allowed: text !== null, text };
}

/** The guard's answer: what it found, and the text it let through (null when it may not be kept). */
export type GuardAnswer<F extends string> = FieldsScreening & {
  allowed: boolean;
  text: { [K in F]?: ScreenedText } | null;
};

/**
 * Someone kept text the guard warned about: what kinds were found (never the words) and why they kept it,
 * under the town of the record it was for, where a data-protection officer reviewing that town looks.
 */
export async function recordPersonalDataOverride(
  ctx: AppContext,
  actor: Actor,
  override: { verb: string; kinds: readonly PersonalDataKind[]; reason: string | null; record: RecordKeys },
): Promise<void> {
  await ctx.stores.audit.append(
    audit(ctx, {
      actor,
      change: 'personal_data.confirmed',
      entity: { kind: 'free_text', id: ctx.ids.newId(), label: override.verb },
      town: await townOf(ctx, override.record),
      before: null,
      after: { verb: override.verb, kinds: [...new Set(override.kinds)], reason: override.reason },
    }),
  );
}

/** The ids a card carries, any of which tells whose town the text is for. */
export interface RecordKeys {
  town?: unknown;
  actionId?: unknown;
  problemId?: unknown;
  planId?: unknown;
  meetingId?: unknown;
  groupId?: unknown;
}

async function townOf(ctx: AppContext, keys: RecordKeys): Promise<TownSlug | null> {
  const slug = ALL_TOWNS.find((t) => t.slug === keys.town)?.slug;
  if (slug) return slug;
  const { stores } = ctx;
  const id = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const lookups = [
    [keys.actionId, (i: string) => stores.actions.get(i)],
    [keys.problemId, (i: string) => stores.problems.get(i)],
    [keys.planId, (i: string) => stores.plans.get(i)],
    [keys.meetingId, (i: string) => stores.meetings.get(i)],
    [keys.groupId, (i: string) => stores.taskGroups.get(i)],
  ] as const;
  for (const [key, get] of lookups) {
    const record = id(key) ? await get(id(key)!) : null;
    if (record) return record.town;
  }
  return null;
}

export interface StoredTextFinding {
  collection: string;
  id: string;
  /** What a coordinator knows the record by: its reference or title. */
  label: string;
  town: MembershipScope;
  field: string;
  verdict: Exclude<Verdict, 'clear'>;
  kinds: PersonalDataKind[];
  /** The words found; the caller decides whether to show them. */
  matches: string[];
}

// Keys that hold ids, dates, choices or people's own records, never free text someone typed.
const NOT_TEXT =
  /(?:Id|Ids|At|Date|Url|Until)$|^(?:id|ref|town|status|stage|type|kind|version|demo|public|email|displayName|name|userPrincipalName|aadObjectId|createdBy|actor|owners|organiser|attendees|members|by|author|coordinators|caseRefs|periodStart|periodEnd|date|start|end|time|duration|consultationCloses)$/;

type Labelled = { id: string; ref?: string; title?: string; theme?: string };

/** Every string someone typed in a record or a change, by its path ("notes.2.text", "analysis.offender"). */
function typedTextIn(record: unknown): Record<string, string> {
  return Object.fromEntries(textsOf(record));
}

function textsOf(record: unknown, path = ''): [string, string][] {
  if (typeof record === 'string') return path ? [[path, record]] : [];
  if (Array.isArray(record)) return record.flatMap((v, i) => textsOf(v, path ? `${path}.${i}` : String(i)));
  if (!record || typeof record !== 'object') return [];
  return Object.entries(record).flatMap(([key, value]) =>
    NOT_TEXT.test(key) ? [] : textsOf(value, path ? `${path}.${key}` : key),
  );
}

/**
 * Reads the free text of every town's records with the guard and lists what it finds, for coordinators to
 * review and correct; it changes nothing. The scan itself is recorded in the audit trail (counts only).
 */
export async function scanStoredText(ctx: AppContext, actor: Actor): Promise<StoredTextFinding[]> {
  const found: StoredTextFinding[] = [];
  let scanned = 0;
  const scan = (town: MembershipScope, collection: string, record: Labelled, knownNames: string[]) => {
    scanned++;
    const screening = screenFields(typedTextIn(record), { knownNames });
    if (screening.verdict === 'clear') return;
    for (const field of Object.keys(screening.suggestions)) {
      const own = screening.findings.filter((f) => f.field === field);
      found.push({
        collection,
        id: record.id,
        label: record.ref ?? record.title ?? record.theme ?? record.id,
        town,
        field,
        verdict: screening.verdict,
        kinds: [...new Set(own.map((f) => f.kind))],
        matches: own.map((f) => f.match),
      });
    }
  };
  const fund = await ctx.stores.seedFund.get(SEED_FUND_ID);
  if (fund) scan('county', 'seed_fund', fund, []);
  for (const { slug } of ALL_TOWNS) {
    const members = await ctx.stores.members.listByTown(slug);
    const plans = await ctx.stores.plans.listByTown(slug);
    const priorities = (await Promise.all(plans.map((p) => ctx.stores.priorities.listByPlan(p.id)))).flat();
    const groups: [string, readonly Labelled[]][] = [
      ['actions', await listWholeActions(ctx, slug)],
      ['plans', plans],
      ['priorities', priorities],
      ['problems', await ctx.stores.problems.listByTown(slug)],
      ['meetings', await ctx.stores.meetings.listByTown(slug)],
      ['task_groups', await ctx.stores.taskGroups.listByTown(slug)],
    ];
    const indicator = await ctx.stores.indicators.get(slug);
    if (indicator) groups.push(['indicators', [indicator]]);
    for (const [collection, records] of groups)
      for (const record of records) {
        const owners = 'owners' in record ? (record.owners as { displayName: string }[]) : [];
        scan(
          slug,
          collection,
          record,
          [...members, ...owners].map((m) => m.displayName),
        );
      }
  }
  await ctx.stores.audit.append(
    audit(ctx, {
      actor,
      change: 'personal_data.scanned',
      entity: { kind: 'data_scan', id: ctx.ids.newId(), label: 'Stored free text' },
      town: 'county',
      before: null,
      after: {
        records: scanned,
        findings: found.length,
        refused: found.filter((f) => f.verdict === 'refuse').length,
      },
    }),
  );
  return found;
}
