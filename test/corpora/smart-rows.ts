// What the SMART coach's held-out sets share: a row written on one line, and the priorities' themes. A set
// with a theme of its own (set 4's roads) keeps it beside its rows.
import type { CoachCode } from '../../src/domain/smart-checks.js';
import type { CoachCase } from '../unit/domain/smart-coach-cases.js';

type Agency = NonNullable<CoachCase['owners']>[number];

export const ASB = 'Anti-social behaviour and street drinking';
export const NTE = 'A safe night-time economy';
export const DRUGS = 'Drugs and exploitation';
export const YOUTH = 'Young people and youth ASB';
export const RETAIL = 'Shop theft and retail crime';
export const ROADS = 'Road safety';
export const FIRE = 'Fire safety';
export const ENV = 'A clean and cared-for town centre';
export const VULN = 'Vulnerability and safeguarding';
export const TRUST = 'Public confidence';
export const DA = 'Domestic abuse';
export const FRAUD = 'Fraud and scams';
export const HATE = 'Hate crime and community tension';
export const RURAL = 'Rural and heritage crime';

export function row(
  title: string,
  measure: string,
  target: string,
  dueIn: number,
  owners: Agency[],
  theme: string,
  expected: CoachCode[],
  more: Partial<CoachCase> = {},
): CoachCase {
  return { title, measure, target, dueIn, owners, theme, expected, ...more };
}
