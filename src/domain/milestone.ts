// Milestones: dated interim steps of a long action ("Draft CPN protocol circulated by 2027-02-01"), kept with
// the action and reminded like its due date, so a 20-month action is not silent for 19 of them.
import { isLocalDate, type LocalDate } from './dates.js';
import { fail, issue, ok, type Issue, type Validated } from './result.js';
import { cleanText, TEXT_LIMITS } from './text.js';

export interface Milestone {
  title: string;
  dueDate: LocalDate;
}

/** As many as the forms offer: enough for the stages of a year's work, few enough to keep each one real. */
export const MAX_MILESTONES = 3;

/** A milestone as a form or a spreadsheet row gives it: either part may be blank. */
export interface MilestoneInput {
  title?: string | undefined;
  dueDate?: string | undefined;
}

/** The milestones typed, in date order, or every problem with them: each needs both parts, inside the action. */
export function milestonesFrom(
  inputs: readonly MilestoneInput[],
  span: { today: LocalDate; dueDate: LocalDate },
  /** The action's milestones as they stand (an edit): one kept unchanged may have passed. */
  existing: readonly Milestone[] = [],
): Validated<Milestone[]> {
  const problems: Issue[] = [];
  const milestones: Milestone[] = [];
  inputs.forEach((input, i) => {
    const problem = problemOf(input, i + 1, span, existing);
    if (typeof problem === 'string') problems.push(issue('milestones', problem));
    else if (problem) milestones.push(problem);
  });
  if (milestones.length + problems.length > MAX_MILESTONES)
    problems.push(issue('milestones', `At most ${MAX_MILESTONES} milestones`));
  if (problems.length) return fail(problems);
  return ok(milestones.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)));
}

/** The milestone typed, null when both parts are blank, or what is wrong with it. */
function problemOf(
  input: MilestoneInput,
  n: number,
  span: { today: LocalDate; dueDate: LocalDate },
  existing: readonly Milestone[],
): Milestone | string | null {
  const title = cleanText(input.title ?? '');
  const date = (input.dueDate ?? '').trim();
  if (!title && !date) return null;
  if (!title) return `Milestone ${n} has a date but no step: say what will be done by then`;
  if (title.length > TEXT_LIMITS.title)
    return `Milestone ${n} is longer than ${TEXT_LIMITS.title} characters`;
  if (!isLocalDate(date)) return `Milestone ${n} needs a date, such as 2027-03-31`;
  const kept = existing.some((m) => m.title === title && m.dueDate === date);
  if (date < span.today && !kept) return `Milestone ${n}'s date ${date} is in the past`;
  if (date >= span.dueDate) return `Milestone ${n} must come before the action's due date (${span.dueDate})`;
  return { title, dueDate: date };
}
