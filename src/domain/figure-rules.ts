// How the figures are worked out, in the words the help card and the docs use: one list, beside the rules.
import { CANCELLED_RULE } from './action-tally.js';
import { RAG_RULE } from './due.js';
import { INDICATOR_RULE } from './indicator-verdict.js';

export const FIGURE_RULES: readonly { title: string; value: string }[] = [
  { title: 'Done', value: CANCELLED_RULE },
  { title: 'RAG', value: RAG_RULE },
  { title: "Residents' indicator", value: INDICATOR_RULE },
];
