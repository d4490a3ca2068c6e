// Action.Execute verbs -> use cases. Every payload is checked with zod first: card data can be forged.
import { z } from 'zod';
import { recordId, cardVersion, cardText } from './card-inputs.js';
import { ErrorCode } from '../errors.js';
import { ACTION_STATUSES, type Action, type ActionStatus } from '../domain/action.js';
import { cleanText, TEXT_LIMITS } from '../domain/text.js';
import { localDateSchema } from '../domain/dates.js';
import { PersonalDataGuard, withEdits, withoutGuardKeys } from './personal-data-guard.js';
import { freeTextOf } from './free-text.js';
import { townSlugSchema } from '../domain/towns.js';
import { createAction } from '../app/create-action.js';
import { updateAction, type ActionChange } from '../app/update-action.js';
import { actionFormContext } from '../app/action-form.js';
import { canEditAction, findAction, today, viewSettings } from '../app/read-models.js';
import { decideJoin } from '../app/join.js';
import { actionCard } from '../cards/views.js';
import { MeetingActions } from './meeting-actions.js';
import { PLAN_VERB_SCHEMAS, PlanActions } from './plan-actions.js';
import { INDICATOR_VERB_SCHEMAS, IndicatorActions } from './indicator-actions.js';
import { GROUP_VERB_SCHEMAS, GroupActions } from './group-actions.js';
import { PROBLEM_VERB_SCHEMAS, ProblemActions } from './problem-actions.js';
import { FUND_VERB_SCHEMAS, FundActions } from './fund-actions.js';
import { IMPORT_VERB_SCHEMAS, type PlanUpload } from './plan-upload.js';
import type { Calendar } from '../app/ports.js';
import { formatDate } from '../cards/format.js';
import { actionFormCard, errorCard, joinRequestCard } from './replies.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';
import type { Messenger } from './messenger.js';

const id = recordId;
const version = cardVersion;
const text = cardText;

/** The verbs the cards use, and what each carries (Teams merges the card's inputs into the data). */
export const VERB_SCHEMAS = {
  'action.refresh': z.object({ actionId: id }),
  'action.show': z.object({ ref: z.string().max(20) }),
  'action.status': z.object({
    actionId: id,
    version,
    status: z.enum(ACTION_STATUSES),
    reason: text(TEXT_LIMITS.reason).optional(),
  }),
  'action.note': z.object({
    actionId: id,
    version,
    note: text(TEXT_LIMITS.note),
  }),
  'action.due': z.object({ actionId: id, version, dueDate: localDateSchema }),
  'action.snooze': z.object({
    actionId: id,
    version,
    days: z.union([z.literal(1), z.literal(3), z.literal(7)]),
  }),
  'action.form': z.object({ town: townSlugSchema }).catchall(z.string().max(2000).optional()),
  'action.create': z.object({
    town: townSlugSchema,
    planId: id,
    priorityId: z.string().max(100).optional(),
    taskGroupId: z.string().max(100).optional(),
    title: text(TEXT_LIMITS.title).optional(),
    measure: text(TEXT_LIMITS.measure).optional(),
    target: text(TEXT_LIMITS.target).optional(),
    ownerIds: z.string().max(2000).optional(),
    dueDate: z.string().max(20).optional(),
    revisionReason: text(TEXT_LIMITS.reason).optional(),
  }),
  'meeting.create': z.object({
    requestId: id,
    town: townSlugSchema,
    kind: z.string().max(40).optional(),
    title: text(TEXT_LIMITS.title).optional(),
    date: z.string().max(20).optional(),
    time: z.string().max(10).optional(),
    duration: z
      .string()
      .regex(/^\d{2,3}$/, 'must be a number of minutes')
      .optional(),
    agenda: text(TEXT_LIMITS.longText).optional(),
    attendeeIds: z.string().max(5000).optional(),
  }),
  'meeting.reschedule': z.object({
    meetingId: id,
    version,
    date: localDateSchema,
    time: z.string().max(10),
    duration: z.number().int().min(15).max(600),
  }),
  'meeting.cancel': z.object({ meetingId: id, version, reason: text(TEXT_LIMITS.reason).optional() }),
  'join.approve': z.object({ requestId: z.string().max(200) }),
  'join.decline': z.object({ requestId: z.string().max(200) }),
  ...PLAN_VERB_SCHEMAS,
  ...INDICATOR_VERB_SCHEMAS,
  ...GROUP_VERB_SCHEMAS,
  ...PROBLEM_VERB_SCHEMAS,
  ...FUND_VERB_SCHEMAS,
  ...IMPORT_VERB_SCHEMAS,
} as const;

export type Verb = keyof typeof VERB_SCHEMAS;
export const isVerb = (verb: string): verb is Verb => Object.hasOwn(VERB_SCHEMAS, verb);

export class CardActions {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
    private readonly messenger: Messenger,
    calendar: Calendar | null = null,
    /** Plan spreadsheets sent in Teams; null where no spreadsheet reader is wired (some tests). */
    readonly upload: PlanUpload | null = null,
  ) {
    this.meetings = new MeetingActions(ctx, cards, messenger, calendar);
    this.plans = new PlanActions(ctx, cards, messenger);
    this.indicators = new IndicatorActions(ctx, cards);
    this.groups = new GroupActions(ctx, cards);
    this.problems = new ProblemActions(ctx, cards);
    this.fund = new FundActions(ctx, cards);
    this.guard = new PersonalDataGuard(ctx, cards);
  }

  private readonly guard: PersonalDataGuard;

  private readonly meetings: MeetingActions;
  readonly plans: PlanActions;
  readonly indicators: IndicatorActions;
  readonly groups: GroupActions;
  readonly problems: ProblemActions;
  readonly fund: FundActions;

  /** The card to show the actor in place of the one they acted on. */
  async handle(actor: Actor, verb: string, rawData: unknown): Promise<Card> {
    if (!isVerb(verb))
      return this.error(
        'That button is not one I know',
        `Unknown action "${verb.slice(0, 50)}". The card may be out of date: ask for it again.`,
      );
    const raw = withEdits(verb, rawData);
    const parsed = VERB_SCHEMAS[verb].safeParse(withoutGuardKeys(raw));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        message: `${i.path.join('.') || 'data'}: ${i.message}`,
      }));
      return this.cards.render('error', {
        title: 'That card sent data I cannot use',
        message: 'Nothing was changed.',
        issues,
        hint: 'Ask for the card again (show {ref}) and retry.',
      });
    }
    const data = parsed.data as Record<string, unknown>;
    const held = await this.guard.check(actor, verb, data, raw);
    if (held) return held;
    switch (verb) {
      case 'action.refresh':
        return this.showById(actor, String(data.actionId));
      case 'action.show':
        return this.showByRef(actor, String(data.ref));
      case 'action.status':
      case 'action.note':
      case 'action.due':
      case 'action.snooze':
        return this.change(actor, verb, data);
      case 'action.form':
        return this.form(actor, data);
      case 'action.create':
        return this.create(actor, data);
      case 'meeting.create':
        return this.meetings.create(actor, data);
      case 'meeting.reschedule':
      case 'meeting.cancel':
        return this.meetings.change(actor, verb, data);
      case 'join.approve':
      case 'join.decline':
        return this.join(actor, String(data.requestId), verb === 'join.approve');
      case 'plan.refresh':
      case 'plan.create':
      case 'plan.priority':
      case 'plan.consult':
      case 'plan.approve':
      case 'plan.redraft':
      case 'plan.comment':
        return this.plans.handle(actor, verb, data);
      case 'indicator.refresh':
      case 'indicator.reading':
      case 'indicator.baseline':
      case 'indicator.target':
        return this.indicators.handle(actor, verb, data);
      case 'group.refresh':
      case 'group.create':
      case 'group.extend':
      case 'group.close':
        return this.groups.handle(actor, verb, data);
      case 'import.apply':
        return this.upload
          ? this.upload.apply(actor, data)
          : this.error('Import is not available here', 'Use npm run import on the server.');
      case 'fund.refresh':
      case 'fund.allocate':
      case 'fund.spend':
        return this.fund.handle(actor, verb, data);
      default: // the problem-solving plan verbs
        return this.problems.handle(actor, verb, data);
    }
  }

  private async card(actor: Actor, action: Action, notice = ''): Promise<Card> {
    const canEdit = await canEditAction(this.ctx, actor, action);
    return this.cards.render(
      'action',
      actionCard(action, {
        ...viewSettings(this.ctx),
        canEdit,
        notice,
        refreshUserIds: await this.messenger.teamsIdsOf(action),
      }),
    );
  }

  private async showById(actor: Actor, actionId: string): Promise<Card> {
    const action = await this.ctx.stores.actions.get(actionId);
    if (!action) return this.error('Action not found', 'That action no longer exists.');
    const found = await findAction(this.ctx, actor, action.ref);
    return found.ok ? this.card(actor, found.value) : errorCard(this.cards, found.error);
  }

  private async showByRef(actor: Actor, ref: string): Promise<Card> {
    const found = await findAction(this.ctx, actor, ref);
    return found.ok ? this.card(actor, found.value) : errorCard(this.cards, found.error);
  }

  private async change(
    actor: Actor,
    verb: 'action.status' | 'action.note' | 'action.due' | 'action.snooze',
    data: Record<string, unknown>,
  ): Promise<Card> {
    const actionId = String(data.actionId);
    const expectedVersion = Number(data.version);
    let change: ActionChange;
    if (verb === 'action.status')
      change = {
        kind: 'status',
        status: data.status as ActionStatus,
        reason: (data.reason as string | undefined) ?? null,
      };
    else if (verb === 'action.due') change = { kind: 'due_date', dueDate: String(data.dueDate) };
    else if (verb === 'action.snooze') change = { kind: 'snooze', days: Number(data.days) };
    else change = { kind: 'note', text: String(data.note) }; // screened by the guard before this verb ran
    const result = await updateAction(this.ctx, actor, { actionId, expectedVersion, change });
    if (!result.ok) {
      if (result.error.code === ErrorCode.Validation) {
        const current = await this.ctx.stores.actions.get(actionId);
        if (current)
          return this.card(
            actor,
            current,
            `Not changed: ${result.error.issues.map((i) => i.message).join('; ')}`,
          );
      }
      return errorCard(this.cards, result.error);
    }
    if (result.value.kind === 'stale') {
      const current = result.value.current;
      const repeat = alreadyApplied(current, change, actor);
      return this.card(
        actor,
        current,
        repeat
          ? ''
          : 'Someone changed this action after your card was shown, so nothing was changed. This is the current version: try again if you still need to.',
      );
    }
    const action = result.value.action;
    // Snoozing is the owner's own business: the channel card does not change.
    if (change.kind === 'snooze')
      return this.card(
        actor,
        action,
        `Reminders snoozed until ${formatDate(action.snoozedUntil ?? action.dueDate)}.`,
      );
    const published = await this.messenger.publishAction(action, describe(change));
    const notice =
      published === 'no_channel'
        ? 'Saved. The town has no linked channel yet, so its coordinators have been told.'
        : published === 'pending'
          ? "Saved. The channel's copy of this card will catch up shortly."
          : '';
    return this.card(actor, action, notice);
  }

  private async form(actor: Actor, data: Record<string, unknown>): Promise<Card> {
    const town = townSlugSchema.parse(data.town);
    const context = await actionFormContext(this.ctx, actor, town);
    if (!context.ok) return errorCard(this.cards, context.error);
    return actionFormCard(
      this.cards,
      context.value,
      today(this.ctx),
      [],
      data as Record<string, string | undefined>,
    );
  }

  private async create(actor: Actor, data: Record<string, unknown>): Promise<Card> {
    const town = townSlugSchema.parse(data.town);
    const input = {
      town,
      planId: data.planId,
      priorityId: data.priorityId,
      taskGroupId: data.taskGroupId || null,
      title: data.title ?? '',
      measure: data.measure ?? '',
      target: data.target ?? '',
      ownerIds: (typeof data.ownerIds === 'string' ? data.ownerIds : '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      dueDate: data.dueDate ?? '',
      revisionReason: data.revisionReason ?? null,
      personalDataConfirmed: data.personalDataConfirmed === true,
    };
    const result = await createAction(this.ctx, actor, input);
    if (!result.ok) {
      if (result.error.code !== ErrorCode.Validation) return errorCard(this.cards, result.error);
      const planId = typeof data.planId === 'string' ? data.planId : undefined;
      const context = await actionFormContext(this.ctx, actor, town, planId);
      if (!context.ok) return errorCard(this.cards, context.error);
      const problems = result.error.issues.map((i) => ({ message: i.message }));
      return actionFormCard(
        this.cards,
        context.value,
        today(this.ctx),
        problems,
        data as Record<string, string | undefined>,
      );
    }
    if (result.value.kind === 'personal_data') {
      const { screening } = result.value;
      return this.guard.card('action.create', data, freeTextOf('action.create', data), screening, {
        allowed: screening.verdict === 'confirm',
        reasonRequired: true,
      });
    }
    const action = result.value.action;
    const published = await this.messenger.publishAction(action, 'new action');
    const notice =
      published === 'no_channel'
        ? `Created. ${action.ref} is not in a channel yet: the town has no linked channel, and its coordinators have been told.`
        : `Created ${action.ref}.`;
    return this.card(actor, action, notice);
  }

  private async join(actor: Actor, requestId: string, approve: boolean): Promise<Card> {
    const result = await decideJoin(this.ctx, actor, requestId, approve);
    return result.ok ? joinRequestCard(this.cards, result.value) : errorCard(this.cards, result.error);
  }

  private error(title: string, message: string): Card {
    return this.cards.render('error', { title, message, issues: [], hint: '' });
  }
}

function describe(change: ActionChange): string {
  if (change.kind === 'status') return `status ${change.status.replace('_', ' ')}`;
  return { note: 'new note', due_date: 'new due date', snooze: 'reminders snoozed' }[change.kind];
}

/** A repeated delivery of a change that already happened (Teams retries slow invokes): not a conflict. */
function alreadyApplied(current: Action, change: ActionChange, actor: Actor): boolean {
  switch (change.kind) {
    case 'status':
      return current.status === change.status;
    case 'due_date':
      return current.dueDate === change.dueDate;
    case 'note': {
      const last = current.notes.at(-1);
      return last?.by.aadObjectId === actor.id && last.text === cleanText(change.text);
    }
    case 'snooze':
      return Boolean(current.snoozedUntil);
  }
}
