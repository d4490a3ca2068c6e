// Commands about the partnership itself: who sits in it, asking to join, the town's and the board's channel,
// and one's own weekly digest.
import { z } from 'zod';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { AppError, ErrorCode } from '../../errors.js';
import { townBySlug } from '../../domain/towns.js';
import { rememberConversation } from '../../app/conversations.js';
import { linkTownChannel, unlinkTownChannel } from '../../app/channels.js';
import { requestToJoin } from '../../app/join.js';
import { listMembers } from '../../app/read-models.js';
import { linkBoardChannel, setDigest } from '../../app/edge-settings.js';
import { membersCard } from '../../cards/town-views.js';
import { joinRequestCard, must } from '../replies.js';
import { channelDataOf, conversationRefOf, tenantOf } from '../turn.js';
import { defineCommand, type CommandTurn } from './command.js';
import { role, town, townOnly } from './read-text.js';
import type { BotEdge } from '../edge.js';

const IN_A_CHANNEL = ['channel'] as const;

export const PARTNERSHIP_COMMANDS = [
  defineCommand({
    name: 'members',
    usage: 'members [town]',
    description: "Who sits in a town's partnership, and the seats still empty",
    audience: 'members',
    menu: {
      personal: "Who sits in a town's partnership: members Truro",
      team: "Who sits in this town's partnership, and the empty seats",
    },
    read: (_text, [first, ...rest]) =>
      first === 'members' || first === 'who'
        ? { town: rest.join(' ').replace(/^(is in|sits in|in)\s+/, '') || undefined }
        : null,
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const slug = await town(input.town);
      const { members, partnership, mayCoordinate } = must(await listMembers(edge.ctx, actor, slug));
      return edge.cards.render(
        'members',
        membersCard(slug, members, partnership?.coreRoles ?? [], mayCoordinate),
      );
    },
  }),
  defineCommand({
    name: 'join',
    usage: 'join {town} as {role}',
    description: 'Ask to join a partnership; a coordinator approves',
    audience: 'everyone',
    menu: { personal: 'Ask to join a partnership: join Truro as beat manager' },
    read: (_text, [first, ...rest]) => {
      if (first !== 'join') return null;
      const [place, ...roleWords] = rest.join(' ').split(/\s+as\s+/);
      if (!place || !roleWords.length)
        return {
          invalid: 'Say the town and your role: join {town} as {role}, e.g. join Truro as beat manager',
        };
      return { town: place, role: roleWords.join(' as ') };
    },
    input: z.object({ town, role }),
    run: (turn, input) => join(turn, input.town, input.role),
  }),
  defineCommand({
    name: 'link',
    usage: 'link {town}',
    description: "Coordinators, in a team channel: make it the town's channel",
    audience: 'coordinators',
    menu: { team: "Coordinators: make this channel the town's channel: link Truro" },
    read: (_text, [first, ...rest]) =>
      first === 'link' && rest.join(' ') !== 'board' ? { town: rest.join(' ') } : null,
    input: z.object({ town }),
    run: async ({ context, edge, actor, channelId }, input) => {
      const teamId = channelDataOf(context.activity).team?.id;
      if (!channelId || !teamId)
        throw new AppError(
          ErrorCode.Validation,
          'Run "link {town}" in a channel of the team the partnership works in, not in a chat.',
        );
      const binding = { teamId, channelId, tenantId: tenantOf(context.activity) };
      must(await linkTownChannel(edge.ctx, actor, input.town, binding));
      await rememberConversation(edge.ctx, { ...conversationRefOf(context.activity), town: input.town });
      const name = townBySlug(input.town).name;
      return `This channel is now Safer ${name}'s channel: new and changed ${name} actions will be posted here. Try "summary".`;
    },
  }),
  defineCommand({
    name: 'unlink',
    usage: 'unlink',
    description: 'Coordinators: stop using this channel for its town',
    audience: 'coordinators',
    where: { in: IN_A_CHANNEL, otherwise: 'Run "unlink" in the channel you want to unlink.' },
    read: (_text, [first]) => (first === 'unlink' ? {} : null),
    input: z.object({}),
    run: async ({ edge, actor, channelId }) => {
      const partnership = must(await unlinkTownChannel(edge.ctx, actor, channelId!));
      return `This channel is no longer ${townBySlug(partnership.town).name}'s channel. Cards for the town will not be posted here.`;
    },
  }),
  defineCommand({
    name: 'link board',
    usage: 'link board',
    description: "Board members, in a team channel: the board's monthly report goes there",
    audience: 'board',
    where: { in: IN_A_CHANNEL, otherwise: 'Run "link board" in the channel the board works in.' },
    read: (text) => (text === 'link board' ? {} : null),
    input: z.object({}),
    run: async ({ context, edge, actor }) => {
      must(await linkBoardChannel(edge.ctx, actor, conversationRefOf(context.activity)));
      return 'This is now the board\'s channel: the monthly board report will be posted here on the first working day of each month. Ask "board" any time for today\'s figures.';
    },
  }),
  defineCommand({
    name: 'digest',
    usage: 'digest on|off',
    description: 'Your weekly digest of your actions (on by default)',
    audience: 'members',
    read: (_text, [first, ...rest]) => {
      if (first !== 'digest') return null;
      const tail = rest.join(' ');
      if (tail === 'on' || tail === 'off') return { on: tail === 'on' };
      return { invalid: 'Say "digest off" to stop your weekly digest, or "digest on" to have it again' };
    },
    input: z.object({ on: z.boolean() }),
    run: async ({ edge, actor }, input) => {
      await setDigest(edge.ctx, actor, input.on);
      return input.on
        ? 'Your weekly digest is on.'
        : 'Your weekly digest is off. Say "digest on" to have it again.';
    },
  }),
];

async function join(
  { context, edge, actor }: CommandTurn,
  slug: Parameters<typeof requestToJoin>[3],
  partnershipRole: Parameters<typeof requestToJoin>[4],
) {
  const email = await emailOf(context, edge);
  const person = { aadObjectId: actor.id, displayName: actor.name, email };
  const request = must(await requestToJoin(edge.ctx, actor, person, slug, partnershipRole));
  const card = joinRequestCard(edge.cards, request);
  const name = townBySlug(slug).name;
  const posted = await edge.messenger.postToTownChannel(slug, card);
  const told = posted
    ? 0
    : await edge.messenger.tellCoordinators(slug, `${actor.name} asks to join Safer ${name}.`, card);
  if (!posted && !told)
    return `Your request is recorded, but I could not reach a ${name} coordinator yet. Please let them know.`;
  return `Your request to join Safer ${name} went to its coordinators. I will not add you until one of them approves.`;
}

/** The user's e-mail or UPN, from Teams (the roster), for the membership record. */
async function emailOf(context: TurnContext, edge: BotEdge): Promise<string> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    const email = member.email ?? member.userPrincipalName;
    if (email) return email;
  } catch (error) {
    edge.log.warn({ err: error }, 'could not read the member from Teams');
  }
  throw new AppError(
    ErrorCode.Unavailable,
    'I could not read your e-mail address from Teams, which a membership needs.',
  );
}
