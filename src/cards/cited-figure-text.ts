// A figure a priority cites, in words, the same on the plan card and the board card: "Shoplifting, on or near
// Lemon Street: 34 in the 12 months to September 2026; 2.8 a month since the plan began (April 2026), 3.1 in
// as many months before (−10%)."
import type { EvidenceFigure } from '../domain/priority-evidence.js';
import { monthName, signedPercent } from './month-names.js';

export function citedFigureText(f: EvidenceFigure): string {
  const trend = f.since
    ? `; ${f.since.perMonth} a month since the plan began (${monthName(f.since.from)})${f.before ? `, ${f.before.perMonth} in as many months before` : ', no data from before it'}${f.percent === null ? '' : ` (${signedPercent(f.percent)})`}`
    : '; no data since the plan began yet';
  return `${f.label}: ${f.lastYear} in the 12 months to ${monthName(f.latest)}${trend}.`;
}
