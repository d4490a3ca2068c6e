// Teams' card colours, as its published host configs give them (microsoft/AdaptiveCards,
// samples/HostConfig/microsoft-teams-light.json and microsoft-teams-dark.json; the same files ship in
// microsoft/Teams-AdaptiveCards-Mobile), and WCAG 2.x contrast. Teams publishes no high-contrast host config:
// its high-contrast theme draws cards in the system's own colours, so that theme cannot be checked here.

interface Palette {
  /** Each container style's background. */
  background: Record<string, string>;
  /** Text colours on each background: default, and the default style's others. */
  text: Record<string, { default: string; subtle: string }>;
  /** Text colours inside a coloured container (Teams sets only the default there). */
  onStyled: { default: string; subtle: string };
}

export const TEAMS_PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    background: {
      default: '#ffffff',
      emphasis: '#fff9f8f7',
      accent: '#C7DEF9',
      good: '#CCFFCC',
      attention: '#FFC5B2',
      warning: '#FFE2B2',
    },
    text: {
      default: { default: '#ff252424', subtle: '#bf252424' },
      accent: { default: '#6264a7', subtle: '#8b8cc7' },
      good: { default: '#92c353', subtle: '#e592c353' },
      warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
      attention: { default: '#c4314b', subtle: '#e5c4314b' },
    },
    onStyled: { default: '#ff252424', subtle: '#bf252424' },
  },
  dark: {
    background: {
      default: '#ff2d2c2c',
      emphasis: '#ff292828',
      accent: '#C7DEF9',
      good: '#CCFFCC',
      attention: '#FFC5B2',
      warning: '#FFE2B2',
    },
    text: {
      default: { default: '#ffffffff', subtle: '#bfffffff' },
      accent: { default: '#ffa6a7dc', subtle: '#ff8b8cc7' },
      good: { default: '#ff92c353', subtle: '#e592c353' },
      warning: { default: '#fff8d22a', subtle: '#e5f8d22a' },
      attention: { default: '#ffd74654', subtle: '#e5d74654' },
    },
    // Teams' dark config gives the coloured containers dark text (they keep their pale backgrounds).
    onStyled: { default: '#ff201f1f', subtle: '#ff2d2c2c' },
  },
};

/** #RRGGBB or #AARRGGBB as RGB, an alpha drawn over the background. */
function rgb(colour: string, over: [number, number, number] = [255, 255, 255]): [number, number, number] {
  const hex = colour.replace('#', '');
  const alpha = hex.length === 8 ? parseInt(hex.slice(0, 2), 16) / 255 : 1;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(-6).slice(i, i + 2), 16));
  return [r!, g!, b!].map((c, i) => Math.round(c * alpha + over[i]! * (1 - alpha))) as [
    number,
    number,
    number,
  ];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of a text colour on a background (either may carry alpha). */
export function contrast(text: string, background: string): number {
  const bg = rgb(background);
  const [a, b] = [luminance(rgb(text, bg)), luminance(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export interface ColouredText {
  text: string;
  color: string;
  subtle: boolean;
  /** The style of the nearest container with one ('default' when none). */
  background: string;
}

/** Every TextBlock and TextRun of a card, with its colour and the background it sits on. */
export function textsOf(node: unknown, background = 'default'): ColouredText[] {
  if (Array.isArray(node)) return node.flatMap((n) => textsOf(n, background));
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const style = typeof element.style === 'string' ? element.style.toLowerCase() : undefined;
  const within =
    (element.type === 'Container' || element.type === 'Column') && style && style !== 'default'
      ? style
      : background;
  const own =
    element.type === 'TextBlock' || element.type === 'TextRun'
      ? [
          {
            text: typeof element.text === 'string' ? element.text : '',
            color: typeof element.color === 'string' ? element.color.toLowerCase() : 'default',
            subtle: element.isSubtle === true,
            background: within,
          },
        ]
      : [];
  return [...own, ...Object.values(element).flatMap((v) => textsOf(v, within))];
}
