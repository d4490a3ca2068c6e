// The way back from the personal-data guard's card to the card the person was on, unchanged: the record's
// own card as stored (its refresh verb), or the form they were filling in, with the text the guard held left
// out. Nothing is saved on the way back.

export interface WayBack {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** A record's id in the card's data, and the verb that shows the record's card. */
const RECORD_CARDS: readonly (readonly [key: string, verb: string])[] = [
  ['actionId', 'action.refresh'],
  ['problemId', 'problem.refresh'],
  ['groupId', 'group.refresh'],
  ['planId', 'plan.refresh'],
];

/** Forms a guarded verb came from, shown again with the person's other entries. */
const FORMS: Readonly<Record<string, string>> = {
  'action.create': 'action.form',
  'meeting.create': 'meeting.form',
};

/** `data`: the card's data without the guard's own keys. */
export function wayBack(
  verb: string,
  data: Readonly<Record<string, unknown>>,
  freeText: readonly string[],
): WayBack | null {
  const form = FORMS[verb];
  if (form && typeof data['town'] === 'string') {
    const entries = Object.entries(data).filter(([k, v]) => !freeText.includes(k) && typeof v === 'string');
    return { title: 'Back to the form (nothing saved)', verb: form, data: Object.fromEntries(entries) };
  }
  for (const [key, show] of RECORD_CARDS)
    if (typeof data[key] === 'string') return back(show, { [key]: data[key] });
  if (verb.startsWith('indicator.') && typeof data['town'] === 'string')
    return back('indicator.refresh', { town: data['town'] });
  if (verb.startsWith('fund.')) return back('fund.refresh', {});
  return null;
}

const back = (verb: string, data: Record<string, unknown>): WayBack => ({
  title: 'Back to the card (nothing saved)',
  verb,
  data,
});
