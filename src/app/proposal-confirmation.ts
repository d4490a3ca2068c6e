// Saving an action proposed during a meeting: only the meeting's organiser or a coordinator of its town may,
// once. Checked before the action is written; the proposal is marked with the action's reference after.
import { AppError, ErrorCode } from '../errors.js';
import { markSaved, proposalIn } from '../domain/meeting-proposal.js';
import { fail, ok, type Result } from '../domain/result.js';
import { roleIn } from './authorise.js';
import { audit } from './audit-trail.js';
import { canCoordinate } from '../domain/roles.js';
import type { Action } from '../domain/action.js';
import type { Actor } from '../domain/entity.js';
import type { TownSlug } from '../domain/towns.js';
import type { AppContext } from './context.js';

export interface ProposalKey {
  meetingId: string;
  proposalId: string;
}

/** A proposal key from the form ("meetingId:proposalId"), checked against the meeting and the person. */
export async function proposalToSave(
  ctx: AppContext,
  actor: Actor,
  town: TownSlug,
  raw: unknown,
): Promise<Result<ProposalKey | null, AppError>> {
  if (raw === undefined || raw === null || raw === '') return ok(null);
  const [meetingId, proposalId] = typeof raw === 'string' ? raw.split(':') : [];
  const meeting = meetingId ? await ctx.stores.meetings.get(meetingId) : null;
  const proposal = meeting && meeting.town === town && proposalId ? proposalIn(meeting, proposalId) : null;
  if (!meeting || !proposal)
    return fail(new AppError(ErrorCode.NotFound, 'That proposed action is not on record any more'));
  if (proposal.savedAs)
    return fail(
      AppError.validation(
        [{ field: 'proposal', message: `That proposal was already saved as ${proposal.savedAs}` }],
        'Already saved',
      ),
    );
  const role = await roleIn(ctx, actor, town);
  if (meeting.organiser.aadObjectId !== actor.id && !(role && canCoordinate(role)))
    return fail(
      new AppError(
        ErrorCode.Forbidden,
        "The meeting's organiser or a coordinator of the town confirms the actions proposed in it",
      ),
    );
  return ok({ meetingId: meeting.id, proposalId: proposal.id });
}

/** After the action is saved: the proposal points at it, so the outcomes card no longer offers it. */
export async function recordProposalSaved(
  ctx: AppContext,
  actor: Actor,
  key: ProposalKey,
  action: Action,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const meeting = await ctx.stores.meetings.get(key.meetingId);
    if (!meeting) return;
    const event = audit(ctx, {
      actor,
      change: 'meeting.proposal_saved',
      entity: { kind: 'meeting', id: meeting.id, label: meeting.title },
      town: meeting.town,
      before: { proposal: key.proposalId, savedAs: null },
      after: { proposal: key.proposalId, savedAs: action.ref },
    });
    const next = markSaved(meeting, key.proposalId, action.ref);
    if ((await ctx.stores.meetings.update(next, meeting.version, event)).kind === 'updated') return;
  }
}
