// What a reply may repeat of what the person typed: only a short text the personal-data guard finds nothing
// in. Everything else is referred to without its words, since a reply in a channel is read by everyone.
import { screenText } from './personal-data.js';

const MOST_QUOTED = 60;

/** `"text"` when it may be repeated, else `otherwise` ("that", "that town"...). */
export function quoteBack(typed: string, otherwise: string): string {
  const text = typed.trim();
  if (!text || text.length > MOST_QUOTED) return otherwise;
  return screenText(text).verdict === 'clear' ? `"${text}"` : otherwise;
}
