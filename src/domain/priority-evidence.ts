// A priority drawn from the town profile names the figure it rests on (a crime type or all of them, a street
// or the whole town) and shows that figure's trend since the plan began: recorded per month in the months of
// the plan so far, against the same number of months just before it. From the town's months an import made.
import { z } from 'zod';
import { CRIME_TYPES, monthsBack, monthsBetween, type CrimeMonth, type CrimeType } from './crime-record.js';
import { total, type TownCrimeMonth } from './crime-aggregate.js';
import type { LocalDate } from './dates.js';

export interface PriorityEvidence {
  /** null: all crime and anti-social behaviour. */
  crimeType: CrimeType | null;
  /** A police.uk location ("On or near Lemon Street"); null: the whole town. */
  location: string | null;
}

export const priorityEvidenceSchema = z.object({
  crimeType: z.enum(CRIME_TYPES).nullable(),
  location: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .transform((l) => l || null),
});

export interface EvidenceFigure {
  /** "Shoplifting on or near Lemon Street", "All crime and ASB in the town". */
  label: string;
  /** The twelve months to the latest. */
  lastYear: number;
  latest: CrimeMonth;
  /** Per month since the plan began, and in as many months just before; null when there is no data. */
  since: { from: CrimeMonth; months: number; perMonth: number } | null;
  before: { months: number; perMonth: number } | null;
  /** Percentage change per month, before to since; null when either is missing or the earlier is small. */
  percent: number | null;
}

function evidenceLabel(e: PriorityEvidence): string {
  const what = e.crimeType ?? 'All crime and anti-social behaviour';
  return e.location ? `${what}, ${e.location.replace(/^On or near/i, 'on or near')}` : `${what} in the town`;
}

/** The figure a priority cites, from the town's months (any order) and the newest month imported. */
export function evidenceFigure(
  e: PriorityEvidence,
  months: readonly TownCrimeMonth[],
  planStart: LocalDate,
  latest: CrimeMonth,
): EvidenceFigure {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const count = (month: CrimeMonth): number | null => {
    const m = byMonth.get(month);
    if (!m) return null;
    const counts = e.location
      ? m.streets.filter((s) => s.location === e.location).map((s) => s.byType)
      : [m.byType];
    return counts.reduce((n, c) => n + total(c, e.crimeType ?? undefined), 0);
  };
  const sum = (list: CrimeMonth[]) => list.map(count).reduce<number>((n, c) => n + (c ?? 0), 0);
  const start = planStart.slice(0, 7);
  const sinceMonths = start <= latest ? monthsBack(latest, monthsBetween(start, latest) + 1) : [];
  const withData = (list: CrimeMonth[]) => list.filter((m) => byMonth.has(m));
  const since = withData(sinceMonths);
  const beforeMonths = withData(monthsBack(start, sinceMonths.length + 1).slice(1));
  const perMonth = (list: CrimeMonth[]) => Math.round((sum(list) / list.length) * 10) / 10;
  const sinceFigure = since.length ? { from: start, months: since.length, perMonth: perMonth(since) } : null;
  const beforeFigure = beforeMonths.length
    ? { months: beforeMonths.length, perMonth: perMonth(beforeMonths) }
    : null;
  const enough = beforeFigure && sum(beforeMonths) >= 10;
  return {
    label: evidenceLabel(e),
    lastYear: sum(monthsBack(latest, 12)),
    latest,
    since: sinceFigure,
    before: beforeFigure,
    percent:
      sinceFigure && beforeFigure && enough
        ? Math.round(((sinceFigure.perMonth - beforeFigure.perMonth) / beforeFigure.perMonth) * 100)
        : null,
  };
}
