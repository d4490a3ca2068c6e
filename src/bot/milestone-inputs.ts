// The milestone and warning inputs the new-action and edit forms carry: three step-and-date pairs, the
// warnings the author was shown, and their reason for keeping the action as written.
import type { ScreenedText } from '../domain/screened-text.js';
import { z } from 'zod';
import { TEXT_LIMITS } from '../domain/text.js';
import { cardText } from './card-inputs.js';
import type { MilestoneInput } from '../domain/milestone.js';

/** The steps are free text (screened for personal data); their dates are not. */
export const MILESTONE_STEPS = ['milestone1', 'milestone2', 'milestone3'] as const;

export const coachInputs = {
  milestone1: cardText(TEXT_LIMITS.title).optional(),
  milestone1Date: z.string().max(20).optional(),
  milestone2: cardText(TEXT_LIMITS.title).optional(),
  milestone2Date: z.string().max(20).optional(),
  milestone3: cardText(TEXT_LIMITS.title).optional(),
  milestone3Date: z.string().max(20).optional(),
  /** The warning codes the form showed ("vague_opening,no_place"). */
  warningsSeen: z.string().max(400).optional(),
  warningsReason: cardText(TEXT_LIMITS.reason).optional(),
};

type Steps = Partial<Record<(typeof MILESTONE_STEPS)[number], ScreenedText | undefined>>;
type Dates = Partial<Record<`${(typeof MILESTONE_STEPS)[number]}Date`, string | undefined>>;

/** The three pairs, their steps as the guard let them through. */
export function milestonesOf(data: Steps & Dates): (MilestoneInput & { title?: ScreenedText | undefined })[] {
  return MILESTONE_STEPS.map((step) => ({ title: data[step], dueDate: data[`${step}Date`] }));
}
