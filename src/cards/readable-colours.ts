// Colours every card can be read in, whatever the theme. In Teams' published host configs the text colours
// `good` (#92c353) and `warning` (#f8d22a) fail WCAG 2.2 AA on the light theme's white (2.1:1 and 1.5:1), and
// `attention` fails on the dark theme's grey (#d74654 on #2d2c2c, 3.2:1); only the default and `accent`
// pass 4.5:1 on both. A container style (good, warning, attention) is a pale background with the theme's
// default text on it, which passes everywhere. So a coloured text becomes default text on its colour's
// background: the colour stays a cue, the words carry the meaning (test/unit/cards/cards.test.ts checks every
// card's texts against both palettes).

const BACKGROUND: Record<string, string> = { good: 'good', warning: 'warning', attention: 'attention' };
const STYLED = new Set(['good', 'warning', 'attention', 'accent']);

type Element = Record<string, unknown>;
type Card = Element;

/** The card with every good, warning or attention text turned into default text on that background. */
export function readableColours(card: Card): Card {
  return walk(card, undefined) as Card;
}

function walk(node: unknown, background: string | undefined): unknown {
  if (Array.isArray(node)) return node.map((item) => walk(item, background));
  if (!node || typeof node !== 'object') return node;
  const element = node as Element;
  const style = typeof element.style === 'string' ? element.style.toLowerCase() : undefined;
  const within = element.type === 'Container' && style && STYLED.has(style) ? style : background;
  const colour = typeof element.color === 'string' ? element.color.toLowerCase() : undefined;
  const copy: Element = {};
  for (const [key, value] of Object.entries(element)) copy[key] = walk(value, within);
  // A run of text cannot have a background of its own: default text, the words saying what it is.
  const readableRun = colour === 'default' || (colour === 'accent' && !within);
  if (element.type === 'TextRun' && colour && !readableRun) return { ...copy, color: 'Default' };
  // Accent reads on the default background only; on a coloured one, default text.
  if (colour === 'accent' && within) return { ...copy, color: 'Default' };
  const wanted = colour ? BACKGROUND[colour] : undefined;
  if (element.type !== 'TextBlock' || !wanted) return copy;
  const text: Element = { ...copy, color: 'Default' };
  if (within) return text;
  // Its own background: a container in its place, keeping where it sits and whether it shows.
  const { spacing, separator, isVisible, id, height, ...rest } = text;
  return dropUndefined({
    type: 'Container',
    style: wanted,
    spacing,
    separator,
    isVisible,
    id,
    height,
    items: [rest],
  });
}

function dropUndefined(element: Element): Element {
  return Object.fromEntries(Object.entries(element).filter(([, v]) => v !== undefined));
}
