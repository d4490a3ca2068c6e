// The personal-data guard at the Teams edge: every card verb's free text (its `freeText`) is screened
// before the verb runs. Refused text comes back on a card with what was found replaced, to edit; a warning
// may be kept as written with a reason, which the audit trail records. The same screening runs again in the
// use cases, so a way in that does not pass through here is held to the same rules.
import { wayBack } from './guard-way-back.js';
import { z } from 'zod';
import { keptText, screenText } from '../domain/personal-data.js';
import { isIdentifier } from '../domain/personal-data-findings.js';
import { cleanText } from '../domain/text.js';
import { townSlugSchema } from '../domain/towns.js';
import { recordPersonalDataOverride, screenForActor } from '../app/personal-data.js';
import { EDITED_PREFIX, personalDataCard } from '../cards/personal-data-views.js';
import { freeTextOf } from './free-text.js';
import type { VerbEntry } from './verbs/verb.js';
import type { FieldsScreening } from '../domain/personal-data-findings.js';
import type { ScreenedText } from '../domain/screened-text.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from '../app/context.js';
import type { Card, CardRenderer } from '../cards/render.js';

const CONFIRMATION = z.object({
  personalDataConfirmed: z.literal(true).optional(),
  personalDataReason: z.string().max(2000).optional(),
});
type Screened = Readonly<Record<string, ScreenedText | undefined>>;
const GUARD_KEYS = ['personalDataEdited', 'personalDataConfirmed', 'personalDataReason'];

/**
 * The card's data as the verb expects it: after "Save the edited text", each edited field in place of the
 * original. Built with Object.fromEntries, so a forged "__proto__" key stays a plain key.
 */
export function withEdits(fields: readonly string[], raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const data = raw as Record<string, unknown>;
  if (data.personalDataEdited !== true) return raw;
  const kept = Object.entries(data).filter(([k]) => !k.startsWith(EDITED_PREFIX) && !GUARD_KEYS.includes(k));
  const edited = fields.flatMap((f) => {
    const value = data[`${EDITED_PREFIX}${f}`];
    return typeof value === 'string' ? [[f, value] as const] : [];
  });
  return Object.fromEntries([...kept, ...edited]);
}

/** The card's data without the guard's own keys, for the verb's schema: only the guard reads those. */
export function withoutGuardKeys(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !GUARD_KEYS.includes(k)));
}

export class PersonalDataGuard {
  constructor(
    private readonly ctx: AppContext,
    private readonly cards: CardRenderer,
  ) {}

  /**
   * May the verb run? Yes when nothing was found, or when a warning was kept with a reason (`confirmed`:
   * the use case may save it). Otherwise the card to show instead.
   */
  async check(
    actor: Actor,
    verb: Pick<VerbEntry, 'name' | 'freeText' | 'confirmable'>,
    data: Record<string, unknown>,
    raw: unknown,
  ): Promise<{ held: Card } | { held: null; confirmed: boolean; text: Screened }> {
    const typed = freeTextOf(verb.freeText, data);
    if (!Object.keys(typed).length) return { held: null, confirmed: false, text: {} };
    const town = townSlugSchema.safeParse(data.town);
    const where = town.success ? { town: town.data } : {};
    const screening = await screenForActor(this.ctx, actor, typed, where);
    if (screening.text) return { held: null, confirmed: false, text: screening.text };
    const confirmable = screening.verdict === 'confirm' && (!screening.identifiers || verb.confirmable);
    const reasonRequired = screening.findings.some((f) => !isIdentifier(f.kind));
    const confirmation = CONFIRMATION.safeParse(raw);
    let reasonProblem = '';
    if (confirmable && confirmation.success && confirmation.data.personalDataConfirmed) {
      const reason = cleanText(confirmation.data.personalDataReason ?? '');
      if (reasonRequired && !reason)
        reasonProblem = 'Say why it is safe to keep: the reason goes in the audit trail.';
      else if (reason && screenText(reason).verdict !== 'clear')
        reasonProblem = 'The reason itself looks like personal details: say why without them.';
      else {
        await recordPersonalDataOverride(this.ctx, actor, {
          verb: verb.name,
          kinds: screening.findings.map((f) => f.kind),
          reason: reason || null,
          record: data,
        });
        const kept = keptText(typed, screening, true);
        if (kept) return { held: null, confirmed: true, text: kept };
      }
    }
    const confirm = { allowed: confirmable, reasonRequired, reasonProblem };
    return { held: this.card(verb.name, raw, typed, screening, confirm, verb.freeText) };
  }

  /** The card for a screening a use case returned (a new action's text). */
  card(
    verb: string,
    raw: unknown,
    typed: Readonly<Record<string, string>>,
    screening: FieldsScreening,
    confirm: { allowed: boolean; reasonRequired: boolean; reasonProblem?: string },
    freeText: readonly string[] = Object.keys(typed),
  ): Card {
    const kept = withoutGuardKeys(raw);
    const data = kept && typeof kept === 'object' ? (kept as Record<string, unknown>) : {};
    const back = wayBack(verb, data, freeText);
    return this.cards.render(
      'personal-data',
      personalDataCard(screening, { verb, data, fields: typed, back }, confirm),
    );
  }
}
