// A chat message read as the start of an action: its first sentence as the title, the rest as the first
// note, each cut to its field's limit at a word boundary. Pure; the guard screens both before they are shown.
import { cleanText, TEXT_LIMITS } from './text.js';

export interface MessageDraft {
  title: string;
  note: string;
}

export function draftFromMessage(text: string): MessageDraft {
  const clean = cleanText(text);
  // A sentence ends at . ! ? or a line break followed by more text ("Dr." and "e.g." are rare in chat).
  const end = /[.!?](?=\s)|\n/.exec(clean);
  const first = end ? clean.slice(0, end.index + (end[0] === '\n' ? 0 : 1)) : clean;
  const rest = clean.slice(first.length).trim();
  const title = cut(first.replace(/[.!?]$/, '').trim(), TEXT_LIMITS.title);
  const overflow = first.length > TEXT_LIMITS.title ? first.slice(title.length).trim() : '';
  return { title, note: cut([overflow, rest].filter(Boolean).join(' '), TEXT_LIMITS.note) };
}

/** The whole message as one progress note ("Add as a progress note"). */
export function noteFromMessage(text: string): MessageDraft {
  return { title: '', note: cut(cleanText(text), TEXT_LIMITS.note) };
}

/** At most `limit` characters, ending at a word boundary when there is one in the last fifth. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const hard = text.slice(0, limit);
  const space = hard.lastIndexOf(' ');
  return (space > limit * 0.8 ? hard.slice(0, space) : hard).trim();
}
