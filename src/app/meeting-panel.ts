// The meeting's side panel: the town's partnership meeting on now (else its next), with the agenda the chat
// got when it started, and new actions proposed while it runs. A proposal is screened by the personal-data
// guard when made; the organiser confirms it through the new-action form when the meeting ends.
import { NOTHING_TYPED as blank } from '../domain/personal-data.js';
import { AppError, ErrorCode } from '../errors.js';
import { personalDataSummary } from '../domain/personal-data-findings.js';
import { propose, proposalInputSchema } from '../domain/meeting-proposal.js';
import type { ProposedAction } from '../domain/meeting.js';
import { fail, ok, type Result } from '../domain/result.js';
import { TOWNS, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { authorise } from './authorise.js';
import { agendaOf, type MeetingAgenda } from './meeting-in-progress.js';
import { screenForActor } from './personal-data.js';
import type { Actor } from '../domain/entity.js';
import type { Meeting } from '../domain/meeting.js';
import type { AppContext } from './context.js';

export interface MeetingPanel {
  town: TownSlug;
  /** On now: started (Teams said so) and not ended, or inside its booked time. */
  inProgress: boolean;
  agenda: MeetingAgenda | null;
  proposals: readonly ProposedAction[];
}

const NO_SUCH_TOWN = 'There is no such town board, or it is not one you may see.';
/** A meeting counts as "on" from this long before its booked start (people join early). */
const EARLY_MS = 15 * 60_000;

export async function meetingPanel(
  ctx: AppContext,
  actor: Actor,
  town: string,
): Promise<Result<MeetingPanel, AppError>> {
  const slug = await readable(ctx, actor, town);
  if (!slug) return fail(new AppError(ErrorCode.NotFound, NO_SUCH_TOWN));
  const { meeting, inProgress } = await currentMeeting(ctx, slug);
  return ok({
    town: slug,
    inProgress,
    agenda: meeting ? await agendaOf(ctx, meeting) : null,
    proposals: meeting?.proposals ?? [],
  });
}

export async function proposeAction(
  ctx: AppContext,
  actor: Actor,
  town: string,
  input: unknown,
): Promise<Result<ProposedAction, AppError>> {
  const slug = await readable(ctx, actor, town);
  if (!slug) return fail(new AppError(ErrorCode.NotFound, NO_SUCH_TOWN));
  const access = await authorise(ctx, actor, slug, 'update');
  if (!access.ok) return fail(new AppError(ErrorCode.NotFound, NO_SUCH_TOWN));
  const parsed = proposalInputSchema.safeParse(input);
  if (!parsed.success)
    return fail(
      AppError.validation(
        parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'proposal'), message: i.message })),
        'The proposal was not saved',
      ),
    );
  const { title, measure, target } = parsed.data;
  const screening = await screenForActor(ctx, actor, { title, measure, target }, { town: slug });
  const text = screening.text;
  if (!text)
    return fail(
      new AppError(
        ErrorCode.Validation,
        `Not saved: it looks like personal data (${personalDataSummary(screening)})`,
      ),
    );
  const { meeting, inProgress } = await currentMeeting(ctx, slug);
  if (!meeting || !inProgress)
    return fail(
      new AppError(
        ErrorCode.Validation,
        'No partnership meeting of this town is on now: add the action with "New action" instead',
      ),
    );
  const person = { aadObjectId: actor.id, displayName: actor.name };
  const { title: t = blank, measure: m = blank, target: g = blank } = text;
  const screened = { ...parsed.data, title: t, measure: m, target: g };
  const next = propose(meeting, screened, person, ctx.ids.newId(), ctx.clock.now());
  if (!next.ok) return fail(AppError.validation(next.error, 'The proposal was not saved'));
  const proposal = next.value.proposals!.at(-1)!;
  const event = audit(ctx, {
    actor,
    change: 'meeting.action_proposed',
    entity: { kind: 'meeting', id: meeting.id, label: meeting.title },
    town: slug,
    before: null,
    after: { proposal: proposal.id, title: proposal.title },
  });
  const saved = await ctx.stores.meetings.update(next.value, meeting.version, event);
  if (saved.kind !== 'updated')
    return fail(new AppError(ErrorCode.StaleVersion, 'The meeting changed meanwhile: propose it again'));
  return ok(proposal);
}

async function readable(ctx: AppContext, actor: Actor, town: string): Promise<TownSlug | null> {
  const slug = TOWNS.find((t) => t.slug === town)?.slug;
  return slug && (await authorise(ctx, actor, slug, 'read')).ok ? slug : null;
}

/** The meeting on now (started and not ended, or within its booked time), else the next booked. */
async function currentMeeting(
  ctx: AppContext,
  town: TownSlug,
): Promise<{ meeting: Meeting | null; inProgress: boolean }> {
  const now = ctx.clock.now().getTime();
  const booked = (await ctx.stores.meetings.listByTown(town))
    .filter((m) => m.status === 'scheduled')
    .sort((a, b) => a.start.localeCompare(b.start));
  const on = booked.find(
    (m) =>
      (m.heldFrom && !m.heldUntil) ||
      (!m.heldUntil && Date.parse(m.start) - EARLY_MS <= now && now <= Date.parse(m.end)),
  );
  if (on) return { meeting: on, inProgress: true };
  return { meeting: booked.find((m) => Date.parse(m.start) > now) ?? null, inProgress: false };
}
