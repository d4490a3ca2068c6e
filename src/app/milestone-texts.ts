// Milestone steps are free text: the personal-data guard screens each one as a field of its own.
import type { Milestone } from '../domain/milestone.js';

/** { milestone1: "...", milestone2: "..." }: the names the forms give the steps. */
export function milestoneTexts(milestones: readonly Milestone[] | undefined): Record<string, string> {
  return Object.fromEntries((milestones ?? []).map((m, i) => [`milestone${i + 1}`, m.title]));
}
