// A chat message as the start of an action or a note ("..." > Create a Safer Towns action / Add as a progress
// note). The message is screened by the same guard before anything of it is shown back: what looks like
// personal data is left out of the pre-fill (its place marked), the kinds (never the words) go to the audit
// trail, and the person is told. The town is the channel's when the channel is linked, else their only one.
import { draftFromMessage, noteFromMessage } from '../domain/message-draft.js';
import { canUpdateActions } from '../domain/roles.js';
import { COUNTY } from '../domain/member.js';
import { TOWNS, type TownSlug } from '../domain/towns.js';
import { audit } from './audit-trail.js';
import { townOfChannel } from './conversations.js';
import { screenForActor } from './personal-data.js';
import type { PersonalDataKind } from '../domain/personal-data-findings.js';
import type { Actor } from '../domain/entity.js';
import type { AppContext } from './context.js';

export interface MessagePrefill {
  /** The first sentence, and the rest, with anything that looked like personal data replaced by "[person]"... */
  readonly title: string;
  readonly note: string;
  /** The kinds left out, for the warning on the form (empty: nothing was). */
  readonly leftOut: readonly PersonalDataKind[];
  /** The channel's town, else the person's only town where they may add actions; null: they choose. */
  readonly town: TownSlug | null;
  /** The towns where they may add actions, for the choice. */
  readonly towns: readonly TownSlug[];
}

export async function prefillFromMessage(
  ctx: AppContext,
  actor: Actor,
  message: { text: string; channelId: string | null },
  as: 'action' | 'note',
): Promise<MessagePrefill> {
  const [seats, channelTown] = await Promise.all([
    ctx.stores.members.listByPerson(actor.id),
    townOfChannel(ctx, message.channelId),
  ]);
  const active = new Set(TOWNS.map((t) => t.slug));
  const towns = [
    ...new Set(
      seats
        .filter((m) => m.town !== COUNTY && active.has(m.town) && canUpdateActions(m.accessRole))
        .map((m) => m.town),
    ),
  ];
  const town =
    channelTown && towns.includes(channelTown) ? channelTown : towns.length === 1 ? towns[0]! : null;
  const draft = as === 'action' ? draftFromMessage(message.text) : noteFromMessage(message.text);
  const screening = await screenForActor(ctx, actor, { ...draft }, { town: town ?? undefined });
  const leftOut = [...new Set(screening.findings.map((f) => f.kind))];
  if (leftOut.length)
    await ctx.stores.audit.append(
      audit(ctx, {
        actor,
        change: 'personal_data.left_out',
        entity: { kind: 'free_text', id: ctx.ids.newId(), label: 'message' },
        town: town ?? null,
        before: null,
        after: { from: 'message', as, kinds: leftOut },
      }),
    );
  return {
    title: screening.suggestions['title'] ?? draft.title,
    note: screening.suggestions['note'] ?? draft.note,
    leftOut,
    town,
    towns,
  };
}
