// A reason someone must give (cancelling an action, moving an overdue date, keeping SMART warnings) has to
// say something: "ok", "n/a", "." and the like tell the partnership nothing and are refused. Never quoted back.
import { cleanText, TEXT_LIMITS } from './text.js';

/** Words that stand in for a reason without giving one (compared whole, in lower case, no end punctuation). */
const PLACEHOLDERS = new Set([
  ...['ok', 'okay', 'k', 'yes', 'no', 'fine', 'done', 'sure', 'agreed', 'noted'],
  ...['na', 'n/a', 'n.a', 'none', 'nothing', 'nil', 'no reason', 'not applicable'],
  ...['tbc', 'tbd', 'tba', 'see above', 'as above', 'as discussed', 'see notes', 'see note'],
  ...['because', 'reason', 'reasons', 'why', 'test', 'testing', 'asdf', 'idk', 'dunno', 'whatever'],
  ...['changed', 'change', 'moved', 'update', 'updated', 'other', 'misc', 'various'],
]);

/** Fewer letters than this cannot say why. */
const MIN_LETTERS = 8;

export type ReasonCheck = { ok: true; reason: string } | { ok: false; message: string };

/** The reason, cleaned, if it says something; else what to say to the person. `why` completes "Say why …". */
export function reasonOfSubstance(raw: string | null | undefined, why: string): ReasonCheck {
  const reason = cleanText(raw ?? '');
  if (!reason) return { ok: false, message: `Say why ${why}` };
  if (reason.length > TEXT_LIMITS.reason)
    return { ok: false, message: `The reason is too long: keep it under ${TEXT_LIMITS.reason} characters` };
  const bare = reason
    .toLowerCase()
    .replace(/[\s.!?,;:'"…-]+$/u, '')
    .replace(/^[\s.!?,;:'"…-]+/u, '');
  const letters = reason.replace(/[^\p{L}]/gu, '').length;
  const words = reason.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (PLACEHOLDERS.has(bare) || letters < MIN_LETTERS || words < 2)
    return {
      ok: false,
      message: `Say why ${why}, in a few words the partnership will understand: "ok", "n/a" or a single word is not a reason`,
    };
  return { ok: true, reason };
}
