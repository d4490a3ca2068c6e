// A new action proposed during a partnership meeting (from the meeting's side panel). It is not an action
// yet: when the meeting ends, the outcomes card lists the proposals and the organiser (or a coordinator)
// opens each in the ordinary new-action form, where the SMART checks, the owners and the personal-data guard
// apply, before it is saved. The proposal keeps which action it became, so it is saved once.
import type { WithScreened } from './screened-text.js';
import { z } from 'zod';
import { localDateSchema } from './dates.js';
import { fail, issue, ok, type Validated } from './result.js';
import { TEXT_LIMITS } from './text.js';
import type { PersonRef } from './entity.js';
import type { Meeting, ProposedAction } from './meeting.js';

/** A meeting collects at most this many proposals: a partnership meeting agrees a handful, not hundreds. */
const MAX_PROPOSALS = 50;

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `keep it under ${max} characters`)
    .default('')
    .transform((s) => s.trim());

export const proposalInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the action a title')
    .max(TEXT_LIMITS.title, `keep it under ${TEXT_LIMITS.title} characters`),
  measure: optionalText(TEXT_LIMITS.measure),
  target: optionalText(TEXT_LIMITS.target),
  ownerIds: z.array(z.string().min(1).max(100)).max(10, 'At most ten owners').default([]),
  dueDate: z.union([localDateSchema, z.literal('')]).default(''),
  priorityId: z
    .string()
    .max(100)
    .nullish()
    .transform((v) => v || null),
});
export type ProposalInput = z.output<typeof proposalInputSchema>;

export function propose(
  meeting: Meeting,
  /** Its title, measure and target as the personal-data guard let them through. */
  input: WithScreened<ProposalInput, 'title' | 'measure' | 'target'>,
  by: PersonRef,
  id: string,
  now: Date,
): Validated<Meeting> {
  const proposals = meeting.proposals ?? [];
  if (proposals.length >= MAX_PROPOSALS)
    return fail([issue('title', `This meeting already has ${MAX_PROPOSALS} proposed actions`)]);
  const proposal: ProposedAction = { id, ...input, proposedBy: by, at: now.toISOString(), savedAs: null };
  return ok({ ...meeting, proposals: [...proposals, proposal] });
}

export function proposalIn(meeting: Meeting, id: string): ProposedAction | null {
  return (meeting.proposals ?? []).find((p) => p.id === id) ?? null;
}

export function markSaved(meeting: Meeting, id: string, ref: string): Meeting {
  return {
    ...meeting,
    proposals: (meeting.proposals ?? []).map((p) => (p.id === id ? { ...p, savedAs: ref } : p)),
  };
}

/** What the form opens with for a proposal, as the new-action form's own field values. */
export function formValuesOf(meetingId: string, p: ProposedAction) {
  return {
    title: p.title,
    measure: p.measure,
    target: p.target,
    ownerIds: p.ownerIds.join(','),
    dueDate: p.dueDate,
    priorityId: p.priorityId ?? '',
    proposal: `${meetingId}:${p.id}`,
  };
}
