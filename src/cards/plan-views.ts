// Delivery plans -> card data: the plan with its progress by priority, comments and revisions; the form.
import { tallySentence } from '../domain/action-tally.js';
import { addDays, type LocalDate } from '../domain/dates.js';
import { CONSULTATION_DAYS, PLAN_STATUS_LABELS, type DeliveryPlan } from '../domain/plan.js';
import { PRIORITY_SOURCES, type PrioritySource } from '../domain/priority.js';
import { CRIME_TYPES } from '../domain/crime-record.js';
import type { EvidenceFigure } from '../domain/priority-evidence.js';
import { citedFigureText } from './cited-figure-text.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import { formatDate, formatInstant } from './format.js';
import type { PlanProgress } from '../domain/plan-progress.js';
import { qualityLine } from '../domain/plan-quality.js';
import type { CardData } from './card-data.js';
import type { ViewSettings } from './views.js';

const SOURCE_LABELS: Record<PrioritySource, string> = {
  county_priority: 'County priority',
  town_profile: 'Town profile',
  residents_survey: "Residents' survey",
  partnership: 'Partnership',
};

const STATUS_COLOR = { draft: 'Default', consultation: 'Accent', approved: 'Good' } as const;
const SHOWN_COMMENTS = 8;
const SHOWN_REVISIONS = 5;

export interface PlanCardOptions {
  canComment: boolean;
  canCoordinate: boolean;
  notice?: string;
}

export function planCard(
  view: {
    plan: DeliveryPlan;
    progress: PlanProgress;
    /** By priority id: the police.uk figure a priority from the town profile rests on. */
    evidence?: Readonly<Record<string, EvidenceFigure>>;
  },
  settings: ViewSettings,
  options: PlanCardOptions,
): CardData<'plan'> {
  const { plan, progress } = view;
  const comments = plan.comments ?? [];
  const revisions = plan.revisions ?? [];
  const concerns = comments.filter((c) => c.kind === 'concern').length;
  const consulting = plan.status === 'consultation';
  const open = consulting && !!plan.consultationCloses && settings.today <= plan.consultationCloses;
  const facts = [
    { title: 'Period', value: `${formatDate(plan.periodStart)} to ${formatDate(plan.periodEnd)}` },
    {
      title: 'Progress',
      value: tallySentence(progress),
    },
  ];
  const { quality } = progress;
  if (quality.withWarnings) facts.push({ title: 'To review', value: qualityLine(quality) });
  if (quality.prioritiesWithoutActions.length)
    facts.push({ title: 'No action yet', value: quality.prioritiesWithoutActions.join('; ') });
  if (consulting && plan.consultationCloses)
    facts.push({
      title: open ? 'Comments until' : 'Consultation closed',
      value: formatDate(plan.consultationCloses),
    });
  if (comments.length)
    facts.push({ title: 'Responses', value: `${comments.length - concerns} comments, ${concerns} concerns` });
  if (plan.approvedAt)
    facts.push({ title: 'Approved', value: formatInstant(plan.approvedAt, settings.timeZone) });
  return {
    planId: plan.id,
    version: plan.version,
    townName: townBySlug(plan.town).name,
    title: plan.title,
    status: plan.status,
    statusLabel: PLAN_STATUS_LABELS[plan.status],
    statusColor: STATUS_COLOR[plan.status],
    notice: options.notice ?? '',
    facts,
    noPriorities: progress.priorities.length
      ? ''
      : 'No priorities yet: a coordinator adds them before consulting.',
    priorities: progress.priorities.map((p) => ({
      title: p.title,
      detail: `${SOURCE_LABELS[p.source]} · ${tallySentence(p, '')} · red ${p.byRag.red}, amber ${p.byRag.amber}, green ${p.byRag.green}`,
      evidence: evidenceLine(view.evidence?.[p.priorityId]),
      complete: `${p.percentComplete}%`,
      // Coloured by its own progress (green once all done); the RAG counts are in the detail, in words.
      color: p.percentComplete === 100 ? 'Good' : 'Default',
    })),
    comments: comments.slice(-SHOWN_COMMENTS).map((c) => ({
      line: `${c.kind === 'concern' ? 'Concern' : 'Comment'} from ${c.by.displayName}: ${c.text}`,
      color: c.kind === 'concern' ? 'Warning' : 'Default',
    })),
    revisions: revisions.slice(-SHOWN_REVISIONS).map((r) => ({
      line: `${formatInstant(r.at, settings.timeZone)}, ${r.by.displayName}: ${r.change}. Why: ${r.reason}`,
    })),
    updatedText: `Version ${plan.version}`,
    canComment: options.canComment && open,
    canCoordinate: options.canCoordinate,
    sources: PRIORITY_SOURCES.map((s) => ({ title: SOURCE_LABELS[s], value: s })),
    crimeTypes: CRIME_TYPES.map((t) => ({ title: t, value: t })),
    suggestedCloses: addDays(settings.today, 21),
    minCloses: addDays(settings.today, CONSULTATION_DAYS.min),
    maxCloses: addDays(settings.today, CONSULTATION_DAYS.max),
  };
}

const evidenceLine = (f: EvidenceFigure | undefined) =>
  f ? `Evidence (police.uk): ${citedFigureText(f)}` : '';

export function planFormCard(
  town: TownSlug,
  today: LocalDate,
  problems: string[],
  values: Partial<Record<'title' | 'periodStart' | 'periodEnd', string>> = {},
): CardData<'plan-form'> {
  const name = townBySlug(town).name;
  return {
    town,
    townName: name,
    problems: problems.map((message) => ({ message })),
    values: {
      title: values.title ?? `Safer ${name} delivery plan`,
      periodStart: values.periodStart ?? today,
      periodEnd: values.periodEnd ?? addDays(addDays(today, 3 * 365), -1),
    },
  };
}
