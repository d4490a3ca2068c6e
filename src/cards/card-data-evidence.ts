// The data of the town profile card: police.uk's figures for a town.
import { z } from 'zod';
import { text, facts, lines } from './card-data-parts.js';

const row = z.object({ label: text, now: text, before: text, change: text });

export const EVIDENCE_CARD_DATA = {
  profile: z.object({
    heading: text,
    subtitle: text,
    /** Empty when nothing is imported yet: the card says how to import instead. */
    empty: text,
    facts,
    chart: z.array(z.object({ legend: text, values: z.array(z.object({ x: text, y: z.number() })) })),
    chartTitle: text,
    table: z.array(row),
    streets: lines,
    repeats: lines,
    compared: z.array(row),
    notes: lines,
  }),
} as const;
