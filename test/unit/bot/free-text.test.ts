// Every field a card sends is either named as free text (and so checked for personal data) or known to be
// an id, date, number, choice or link. A new field fails here until someone decides which it is.
import { describe, expect, it } from 'vitest';
import { FREE_TEXT_FIELDS, VERB_SCHEMAS } from '../../../src/bot/verbs/registry.js';
import { NOT_FREE_TEXT, freeTextOf } from '../../../src/bot/free-text.js';
import { screenFields } from '../../../src/domain/personal-data.js';

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  options?: readonly { _zod: { def: Def } }[];
}

/** Can the field carry a string? (through optional, default, transforms and unions) */
function takesText(def: Def): boolean {
  if (def.type === 'string') return true;
  if (def.innerType) return takesText(def.innerType._zod.def);
  if (def.in) return takesText(def.in._zod.def);
  if (def.options) return def.options.some((o) => takesText(o._zod.def));
  return false;
}

const fieldsOf = (verb: string) =>
  Object.entries(
    (VERB_SCHEMAS as Record<string, { shape: Record<string, { _zod: { def: Def } }> }>)[verb]!.shape,
  );

describe('the free-text fields of the cards', () => {
  it.each(Object.keys(VERB_SCHEMAS))(
    '%s: each text field is named as free text or as not free text',
    (verb) => {
      const unnamed = fieldsOf(verb)
        .filter(([field, schema]) => takesText(schema._zod.def) && !NOT_FREE_TEXT.has(field))
        .map(([field]) => field)
        .filter((field) => !(FREE_TEXT_FIELDS[verb] ?? []).includes(field));
      expect(unnamed).toEqual([]);
    },
  );

  it('names only fields the verbs have', () => {
    for (const [verb, fields] of Object.entries(FREE_TEXT_FIELDS)) {
      const known = fieldsOf(verb).map(([field]) => field);
      expect(
        fields.filter((f) => !known.includes(f)),
        verb,
      ).toEqual([]);
    }
  });

  it('finds personal data in a free-text field, and only there', () => {
    const screened = (data: Record<string, unknown>) =>
      screenFields(freeTextOf(FREE_TEXT_FIELDS['meeting.create']!, data));
    expect(screened({ title: 'Call 07700 900123 first' }).findings.map((f) => [f.field, f.kind])).toEqual([
      ['title', 'phone'],
    ]);
    expect(screened({ requestId: '07700 900123', title: 'Walkabout' }).verdict).toBe('clear');
  });
});
