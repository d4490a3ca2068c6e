// police.uk months as people read them: "2026-09" is "September 2026" on a card, "Sep 26" on a chart's axis.
const SHORT = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const LONG = 'January February March April May June July August September October November December'.split(
  ' ',
);

export function monthName(month: string, form: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return form === 'long' ? `${LONG[m - 1]} ${y}` : `${SHORT[m - 1]} ${String(y).slice(2)}`;
}

/** "+12%", "−8%" (a true minus sign), "0%". */
export const signedPercent = (percent: number): string =>
  percent > 0 ? `+${percent}%` : percent < 0 ? `\u2212${-percent}%` : '0%';
