// What a card verb is: its name (the Action.Execute `verb`), the zod schema of its payload, the payload's
// free-text fields (which the personal-data guard screens before the verb runs) and its handler, which gets
// the payload typed by that schema. Cards can be forged, so nothing reaches a handler unchecked.
import type { z } from 'zod';
import type { Action } from '../../domain/action.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';

export interface VerbTurn {
  readonly actor: Actor;
  readonly edge: BotEdge;
  /** The person kept text the guard warned about, with a reason (audited): the use case may save it. */
  readonly personalDataConfirmed: boolean;
  /** The payload as the card sent it (for the guard's card when a use case finds personal data). */
  readonly raw: unknown;
  /** Told of the action a verb created or changed (a dialog from a chat message posts it back there). */
  readonly saved?: ((action: Action) => void) | undefined;
}

type Fields<S extends z.ZodObject> = Extract<keyof z.output<S>, string>;

export interface VerbSpec<S extends z.ZodObject> {
  readonly name: string;
  readonly input: S;
  /** The fields people type prose into; every other text field must be an id, a date, a choice... */
  readonly freeText?: readonly Fields<S>[];
  /** An identifier (a phone number, an e-mail address) may be kept with a reason: a note, a new action. */
  readonly confirmable?: boolean;
  /**
   * It shows another record than the card clicked (a line of a summary or a list). On a card shared in a
   * channel or group chat, the record goes to the person's 1:1 chat and the shared card stays as it is.
   */
  readonly opens?: boolean;
  run(turn: VerbTurn, input: z.output<S>): Promise<Card>;
}

type Accepted =
  | { readonly ok: true; readonly input: Record<string, unknown>; run(turn: VerbTurn): Promise<Card> }
  | { readonly ok: false; readonly issues: readonly { path: PropertyKey[]; message: string }[] };

/** A verb with its payload type sealed inside: the router checks and runs it without knowing the type. */
export interface VerbEntry {
  readonly name: string;
  readonly input: z.ZodObject;
  readonly freeText: readonly string[];
  readonly confirmable: boolean;
  readonly opens: boolean;
  accept(data: unknown): Accepted;
}

export function defineVerb<S extends z.ZodObject>(spec: VerbSpec<S>): VerbEntry {
  return {
    name: spec.name,
    input: spec.input,
    freeText: spec.freeText ?? [],
    confirmable: spec.confirmable ?? false,
    opens: spec.opens ?? false,
    accept(data) {
      const parsed = spec.input.safeParse(data);
      if (!parsed.success) return { ok: false, issues: parsed.error.issues };
      const input = parsed.data;
      return { ok: true, input, run: (turn) => spec.run(turn, input) };
    },
  };
}

/** A comma-separated list of ids from a card's multi-select (Teams sends "a,b,c"). */
export const idList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
