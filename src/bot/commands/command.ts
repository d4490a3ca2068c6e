// What a command is: one entry holds its name, the phrases that start it, the schema of what it reads, who
// it is for, where it works, its help text, its place in Teams' command menu and its handler. Help, the
// closest-command suggestion, the manifest's command lists and the router all read these entries.
import type { z } from 'zod';
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../domain/entity.js';
import type { TownSlug } from '../../domain/towns.js';
import type { ConversationKind } from '../../domain/conversation.js';
import type { BotEdge } from '../edge.js';
import type { Reply } from '../replies.js';

/** Who a command is meant for, as help groups them; the use case decides who may actually run it. */
type Audience = 'everyone' | 'members' | 'coordinators' | 'board';

/** A phrase that names the command but cannot be read, with what to say instead. */
export interface Unreadable {
  readonly invalid: string;
}
export type Candidate = Record<string, unknown> | Unreadable;

/** Everything a handler may use: the turn, the person, the town resolver and the edge's collaborators. */
export interface CommandTurn {
  readonly context: TurnContext;
  readonly actor: Actor;
  readonly channelId: string | null;
  readonly edge: BotEdge;
  /** The registry's commands (for help, which cannot import the registry that lists it). */
  readonly commands: readonly CommandEntry[];
  /** The town named, else the channel's, else the asker's only one; otherwise asks which. */
  readonly town: (named: TownSlug | null) => Promise<TownSlug>;
}

export interface CommandSpec<S extends z.ZodType<object, unknown>> {
  /** What people type, e.g. "my actions"; also the command's kind with spaces as underscores. */
  readonly name: string;
  readonly usage: string;
  readonly description: string;
  readonly audience: Audience;
  /** The conversations it works in, and what to say elsewhere; everywhere when absent. */
  readonly where?: { readonly in: readonly ConversationKind[]; readonly otherwise: string };
  /** Its line in Teams' command menu, per scope (at most 10 commands a scope). */
  readonly menu?: { readonly personal?: string; readonly team?: string };
  /** Runs without knowing who is speaking (help). */
  readonly anyone?: boolean;
  /** The normalised text -> the fields for `input`, or null when the text is not this command. */
  read(text: string, words: readonly string[]): Candidate | null;
  readonly input: S;
  run(turn: CommandTurn, input: z.output<S>): Promise<Reply>;
}

type Accepted =
  | { readonly ok: true; readonly fields: object; run(turn: CommandTurn): Promise<Reply> }
  | { readonly ok: false; readonly message: string };

/** A command with its input type sealed inside: the router parses and runs without knowing it. */
export interface CommandEntry {
  readonly name: string;
  readonly kind: string;
  readonly usage: string;
  readonly description: string;
  readonly audience: Audience;
  readonly where: CommandSpec<z.ZodType<object, unknown>>['where'];
  readonly menu: NonNullable<CommandSpec<z.ZodType<object, unknown>>['menu']>;
  readonly anyone: boolean;
  read(text: string): Candidate | null;
  accept(candidate: Record<string, unknown>): Accepted;
}

export function defineCommand<S extends z.ZodType<object, unknown>>(spec: CommandSpec<S>): CommandEntry {
  return {
    name: spec.name,
    kind: spec.name.replace(/ /g, '_'),
    usage: spec.usage,
    description: spec.description,
    audience: spec.audience,
    where: spec.where,
    menu: spec.menu ?? {},
    anyone: spec.anyone ?? false,
    read: (text) => spec.read(text, text.split(' ')),
    accept(candidate) {
      const parsed = spec.input.safeParse(candidate);
      if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
      const input = parsed.data;
      return { ok: true, fields: input, run: (turn) => spec.run(turn, input) };
    },
  };
}

export const isUnreadable = (candidate: Candidate): candidate is Unreadable =>
  typeof (candidate as Unreadable).invalid === 'string';
