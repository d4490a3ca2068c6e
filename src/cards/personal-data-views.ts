// The personal-data guard's card: what was found, the text with it replaced, and how to go on.
import { describeFindings, describeKind, type FieldsScreening } from '../domain/personal-data-findings.js';
import type { CardData } from './card-data.js';

export const EDITED_PREFIX = 'edited_';

/**
 * The guard's card: what was found, quoted; each field with those words replaced, to edit and save again;
 * and, for a warning, keeping the text as written with a reason (the audit trail keeps the reason).
 */
export function personalDataCard(
  screening: FieldsScreening,
  submit: {
    verb: string;
    data: Record<string, unknown>;
    fields: Readonly<Record<string, string>>;
    /** Back to the card the person was on, unchanged (guard-way-back.ts); null where there is none. */
    back?: { title: string; verb: string; data: Record<string, unknown> } | null;
  },
  confirm: { allowed: boolean; reasonRequired: boolean; reasonProblem?: string },
): CardData<'personal-data'> {
  const refused = screening.verdict === 'refuse' || !confirm.allowed;
  const edited = Object.keys(submit.fields).filter((f) => f in screening.suggestions);
  const rest = Object.fromEntries(Object.entries(submit.data).filter(([k]) => !edited.includes(k)));
  return {
    title: refused ? 'Personal details: not saved' : 'Check for personal details',
    color: refused ? 'Attention' : 'Warning',
    message: describeFindings(screening.findings, screening.verdict),
    findings: screening.findings.map((f) => ({ describe: `${describeKind(f.kind)}: "${f.match}"` })),
    fields: edited.map((field) => ({
      id: `${EDITED_PREFIX}${field}`,
      label: fieldLabel(field),
      value: screening.suggestions[field] ?? submit.fields[field] ?? '',
    })),
    saveVerb: submit.verb,
    saveData: { ...rest, personalDataEdited: true },
    canConfirm: !refused,
    reasonLabel: confirm.reasonRequired
      ? 'Why is it safe to keep as written? (kept in the audit trail)'
      : 'Why is it safe to keep as written? (optional, kept in the audit trail)',
    reasonRequired: confirm.reasonRequired,
    reasonProblem: confirm.reasonProblem ?? '',
    confirmVerb: submit.verb,
    confirmData: { ...submit.data, personalDataConfirmed: true },
    hasBack: Boolean(submit.back),
    backTitle: submit.back?.title ?? '',
    backVerb: submit.back?.verb ?? '',
    backData: submit.back?.data ?? {},
  };
}

/** "revisionReason" -> "Revision reason". */
function fieldLabel(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
