// Problem-solving plans (SARA) -> card data: the plan at its stage with the work recorded so far and the
// form for the stage's next step; a town's plans; the cross-town library.
import { isOpen, STATUS_LABELS, type ActionHeadline } from '../domain/action.js';
import { SARA_STAGES, type ProblemPlan, type ProblemType } from '../domain/problem.js';
import { measureResults, SARA_LABELS } from '../domain/problem-work.js';
import { townBySlug, type TownSlug } from '../domain/towns.js';
import type { CardData } from './card-data.js';
import { NO_PLACE_FORM, placeFiguresSection, placeHeadline } from './place-figures-views.js';

const TYPE_LABELS: Record<ProblemType, string> = {
  place: 'place',
  people: 'people',
  behaviour: 'behaviour',
};

const NEXT_STEP: Record<ProblemPlan['stage'], string> = {
  scanning: 'Next: record the scanning evidence, then move to analysis.',
  analysis: 'Next: complete the analysis triangle with a hypothesis, and set at least one measure.',
  response: 'Next: link the response actions (create them with "new action"), then move to assessment.',
  assessment:
    'Next: record the assessment against each measure (for a place, with police.uk figures where the town has them), and the lessons learned, then close.',
  closed: '',
};

export function problemCard(
  plan: ProblemPlan,
  actions: readonly ActionHeadline[],
  options: { canEdit: boolean; canPublish: boolean; notice?: string; place?: CardData<'problem'>['place'] },
): CardData<'problem'> {
  const index = SARA_STAGES.indexOf(plan.stage);
  const sections: CardData<'problem'>['sections'] = [];
  if (plan.scanningEvidence) sections.push({ heading: 'Scanning', body: plan.scanningEvidence, facts: [] });
  if (plan.analysis)
    sections.push({
      heading: 'Analysis: the problem triangle',
      body: `Hypothesis: ${plan.analysis.hypothesis}`,
      facts: [
        { title: 'Offender', value: plan.analysis.offender },
        { title: 'Handler', value: plan.analysis.handler },
        { title: 'Victim or target', value: plan.analysis.victim },
        { title: 'Guardian', value: plan.analysis.guardian },
        { title: 'Place', value: plan.analysis.place },
        { title: 'Place manager', value: plan.analysis.manager },
      ],
    });
  if (plan.measures.length) {
    const results = measureResults(plan);
    sections.push({
      heading: 'Measures',
      body: '',
      facts: plan.measures.map((m, i) => ({
        title: m.name,
        value: `${m.baseline} → target ${m.target}${m.after === null ? '' : `; now ${m.after} (${results[i]!.share}% of the way)`}`,
      })),
    });
  }
  const linked = plan.responseActionIds
    .map((id) => actions.find((a) => a.id === id))
    .filter((a) => a !== undefined);
  if (linked.length)
    sections.push({
      heading: 'Response actions',
      body: '',
      facts: linked.map((a) => ({ title: a.ref, value: `${a.title}: ${STATUS_LABELS[a.status]}` })),
    });
  if (plan.assessment)
    sections.push({
      heading: 'Assessment',
      body: `${plan.assessment.delivered ? 'Delivered as planned.' : 'Not delivered as planned.'} ${plan.assessment.outcome}`,
      facts: [{ title: 'Displacement', value: plan.assessment.displacement }],
    });
  if (plan.placeFigures) sections.push(placeFiguresSection(plan.placeFigures));
  if (plan.lessons) sections.push({ heading: 'Lessons learned', body: plan.lessons, facts: [] });
  const next = SARA_STAGES[index + 1];
  return {
    problemId: plan.id,
    version: plan.version,
    townName: townBySlug(plan.town).name,
    ref: plan.ref,
    typeLabel: TYPE_LABELS[plan.type],
    title: plan.title,
    stage: plan.stage,
    stageLabel: SARA_LABELS[plan.stage],
    notice: options.notice ?? '',
    progress: SARA_STAGES.map((s, i) => (i === index ? `[${SARA_LABELS[s]}]` : SARA_LABELS[s])).join(' → '),
    facts: [
      { title: 'Hotspot', value: plan.hotspot },
      { title: 'Objective', value: plan.objective },
      { title: 'Case references', value: plan.caseRefs.length ? plan.caseRefs.join(', ') : 'none' },
      ...(plan.library
        ? [
            {
              title: 'In the library',
              value: `${plan.library.theme} (shared by ${plan.library.publishedBy})`,
            },
          ]
        : []),
    ],
    sections,
    next: NEXT_STEP[plan.stage],
    canEdit: options.canEdit,
    canPublish: options.canPublish && plan.stage === 'closed' && !plan.library,
    advanceLabel: next
      ? next === 'closed'
        ? 'Close the plan'
        : `Move to ${SARA_LABELS[next].toLowerCase()}`
      : '',
    linkable: actions
      .filter((a) => isOpen(a) && !plan.responseActionIds.includes(a.id))
      .slice(0, 50)
      .map((a) => ({ title: `${a.ref} ${a.title}`, value: a.id })),
    place: options.place ?? NO_PLACE_FORM,
    afterInputs: plan.measures.map((m, i) => ({
      id: `after${i}`,
      label: `${m.name}: the value now (baseline ${m.baseline})`,
    })),
  };
}

export function problemsCard(
  heading: string,
  plans: readonly ProblemPlan[],
  empty: string,
  withTown = false,
): CardData<'problems'> {
  return {
    heading,
    empty: plans.length ? '' : empty,
    rows: plans.map((p) => ({
      problemId: p.id,
      title: `${p.ref} ${p.title}`,
      detail: [
        withTown ? townBySlug(p.town).name : '',
        SARA_LABELS[p.stage],
        `${TYPE_LABELS[p.type]} · ${p.hotspot}`,
        p.library ? `theme: ${p.library.theme}` : '',
        placeHeadline(p.placeFigures),
      ]
        .filter(Boolean)
        .join(' · '),
    })),
  };
}

export function problemFormCard(
  town: TownSlug,
  problems: string[],
  values: Partial<Record<'type' | 'title' | 'hotspot' | 'objective' | 'caseRefs', string>> = {},
): CardData<'problem-form'> {
  return {
    town,
    townName: townBySlug(town).name,
    problems: problems.map((message) => ({ message })),
    values: {
      type: values.type ?? 'place',
      title: values.title ?? '',
      hotspot: values.hotspot ?? '',
      objective: values.objective ?? '',
      caseRefs: values.caseRefs ?? '',
    },
  };
}
