// A y-axis range for a card's line chart that fits its data, on round ticks. The cards' chart renderer (the
// one Agents Playground ships) draws five equal intervals from yMin to yMax, or four when the range starts
// at 0, so the range is that many round steps: 48-56% reads as 44, 48, ... 64 rather than 0, 14, ... 56 with
// the lines squeezed into the top quarter.
const STEPS = [1, 2, 4, 5, 10, 20, 25];

export interface ChartRange {
  yMin: number;
  yMax: number;
}

/** How many intervals the renderer draws between yMin and yMax. */
export const intervalsFrom = (yMin: number) => (yMin === 0 ? 4 : 5);

/** The tightest round range holding every value with a point of room either side, within 0-100. */
export function percentRange(values: readonly number[]): ChartRange | undefined {
  if (!values.length) return undefined;
  const low = Math.max(0, Math.min(...values) - 1);
  const high = Math.min(100, Math.max(...values) + 1);
  for (const step of STEPS) {
    const yMin = Math.floor(low / step) * step;
    const yMax = yMin + intervalsFrom(yMin) * step;
    if (yMax >= high && yMax <= 100) return { yMin, yMax };
    // Near the top: the range ends at 100 instead.
    const topMin = 100 - 5 * step;
    if (yMax > 100 && topMin > 0 && topMin <= low) return { yMin: topMin, yMax: 100 };
  }
  return { yMin: 0, yMax: 100 };
}
