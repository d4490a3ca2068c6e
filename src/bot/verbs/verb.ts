// What a card verb is: its name (the Action.Execute `verb`), the zod schema of its payload, the payload's
// free-text fields (which the personal-data guard screens before the verb runs) and its handler, which gets
// the payload typed by that schema. Cards can be forged, so nothing reaches a handler unchecked.
import type { z } from 'zod';
import type { Action } from '../../domain/action.js';
import type { Actor } from '../../domain/entity.js';
import type { Card } from '../../cards/render.js';
import type { BotEdge } from '../edge.js';
import type { ScreenedText, WithScreened } from '../../domain/screened-text.js';

export interface VerbTurn {
  readonly actor: Actor;
  readonly edge: BotEdge;
  /** The person kept text the guard warned about, with a reason (audited): the use case may save it. */
  readonly personalDataConfirmed: boolean;
  /** The payload as the card sent it (for the guard's card when a use case finds personal data). */
  readonly raw: unknown;
  /** Told of the action a verb created or changed (a dialog from a chat message posts it back there). */
  readonly saved?: ((action: Action) => void) | undefined;
  /** The team channel the card was clicked in (null elsewhere): a record posted there is not shown twice. */
  readonly channelId?: string | null;
}

type Fields<S extends z.ZodObject> = Extract<keyof z.output<S>, string>;

export interface VerbSpec<S extends z.ZodObject, F extends Fields<S>> {
  readonly name: string;
  readonly input: S;
  /**
   * The fields people type prose into; every other text field must be an id, a date, a choice... The
   * handler gets them as the personal-data guard let them through (ScreenedText).
   */
  readonly freeText?: readonly F[];
  /** An identifier (a phone number, an e-mail address) may be kept with a reason: a note, a new action. */
  readonly confirmable?: boolean;
  /**
   * It shows another record than the card clicked (a line of a summary or a list). On a card shared in a
   * channel or group chat, the record goes to the person's 1:1 chat and the shared card stays as it is.
   */
  readonly opens?: boolean;
  run(turn: VerbTurn, input: WithScreened<z.output<S>, F>): Promise<Card>;
}

type Accepted =
  | {
      readonly ok: true;
      readonly input: Record<string, unknown>;
      /** Runs the handler with the free text the guard let through in place of what was typed. */
      run(turn: VerbTurn, screened: Readonly<Record<string, ScreenedText | undefined>>): Promise<Card>;
    }
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

export function defineVerb<S extends z.ZodObject, F extends Fields<S> = never>(
  spec: VerbSpec<S, F>,
): VerbEntry {
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
      const run = (turn: VerbTurn, screened: Readonly<Record<string, ScreenedText | undefined>>) => {
        // The guard's text, field by field, over the payload's: the one place the two types meet.
        const text = Object.fromEntries((spec.freeText ?? []).map((f) => [f, screened[f] ?? input[f]]));
        return spec.run(turn, { ...input, ...text } as WithScreened<z.output<S>, F>);
      };
      return { ok: true, input, run };
    },
  };
}

/** A comma-separated list of ids from a card's multi-select (Teams sends "a,b,c"). */
export const idList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
