// "actions to review" -> card data: the plan's quality line, its priorities with no action, and each action
// kept with SMART warnings, with the warnings and the reason its author gave. Pure.
import { townBySlug } from '../domain/towns.js';
import { SMART_CHECKS } from '../domain/smart-checks.js';
import { qualityLine, type PlanQuality } from '../domain/plan-quality.js';
import { STATUS_LABELS, type ActionHeadline } from '../domain/action.js';
import type { CardData } from './card-data.js';
import { formatDate } from './format.js';
import { formValuesOf } from '../domain/meeting-proposal.js';
import type { Meeting, ProposedAction } from '../domain/meeting.js';

const LIMIT = 25;

export function reviewCard(view: {
  town: Parameters<typeof townBySlug>[0];
  plan: { title: string };
  actions: readonly ActionHeadline[];
  quality: PlanQuality;
  proposals: readonly { meeting: Meeting; proposal: ProposedAction }[];
}): CardData<'actions-review'> {
  const { quality, actions } = view;
  const none = quality.prioritiesWithoutActions;
  return {
    heading: `${townBySlug(view.town).name}: actions to review`,
    summary: qualityLine(quality) || `Every action of the ${view.plan.title} passes the SMART coach.`,
    noAction: none.length ? `Priorities with no action yet: ${none.join('; ')}` : '',
    empty: actions.length ? '' : 'No action carries SMART warnings.',
    proposals: view.proposals.slice(0, LIMIT).map(({ meeting, proposal }) => ({
      line: `${proposal.title}: proposed by ${proposal.proposedBy.displayName} in ${meeting.title} (${formatDate(meeting.start.slice(0, 10))})`,
      town: meeting.town,
      ...formValuesOf(meeting.id, proposal),
    })),
    more: actions.length > LIMIT ? `… and ${actions.length - LIMIT} more.` : '',
    rows: actions.slice(0, LIMIT).map((a) => ({
      ref: a.ref,
      title: a.title,
      status: STATUS_LABELS[a.status],
      warnings: (a.warnings?.warnings ?? []).map((w) => ({
        line: `⚠ ${SMART_CHECKS[w.check]}: ${w.message}`,
      })),
      reason: a.warnings?.reason
        ? `Kept as written by ${a.warnings.by.displayName}: ${a.warnings.reason}`
        : 'Imported from a spreadsheet: not reviewed yet. Edit it, or keep it and say why.',
    })),
  };
}
