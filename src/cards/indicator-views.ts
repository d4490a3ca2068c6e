// The residents' survey indicator -> card data: figures with their margins of error, proxies always
// labelled, the trajectory chart on a year axis (with a text fallback), earlier cycles, and the forms each
// role may use. The verdict's words are here once, for the indicator card and the town summary.
import { marginOfError, type Indicator, type IndicatorCycle } from '../domain/indicator.js';
import {
  indicatorSeries,
  verdictSentence,
  verdictView,
  type IndicatorSeries,
  type VerdictView,
} from '../domain/indicator-verdict.js';
import { townBySlug } from '../domain/towns.js';
import type { CardData } from './card-data.js';
import { percentRange } from './chart-range.js';

type YearValue = { year: number; value: number };

const margin = (value: number, sample: number | null) => {
  const moe = marginOfError(value, sample);
  return moe === null ? 'no sample size, so no margin of error' : `±${moe} points`;
};

/**
 * Series for Chart.Line with each year as a category: the series carry every year of the span (see
 * indicatorSeries), so the categories are evenly spaced years. (A numeric x makes Teams' chart start its axis
 * at 0, squeezing the years into a corner.) And the same figures as text for the fallback.
 */
export function trajectoryChart(
  series: readonly IndicatorSeries[],
  marks: { baseline: YearValue | null; target: YearValue | null } | null | undefined,
) {
  const range = percentRange(series.flatMap((s) => s.points.map((p) => p.value)));
  const { baseline, target } = marks ?? {};
  return {
    // The baseline and the target named on the chart itself, not only in the facts above it.
    chartTitle: [
      '% who agree',
      baseline ? `baseline ${baseline.value}% (${baseline.year})` : '',
      target ? `target ${target.value}% by ${target.year}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    chartMin: range?.yMin ?? 0,
    chartMax: range?.yMax ?? 100,
    chart: series.map((s) => ({
      legend: s.legend,
      values: s.points.map((p) => ({ x: String(p.year), y: p.value })),
    })),
    chartFallback: series.map((s) => ({
      line: `${s.legend}: ${s.points.map((p) => `${p.year} ${p.value}%`).join(', ')}`,
    })),
  };
}

/** The verdict's sentence (the domain's words) and its colour. */
export function progressLine(p: VerdictView | null) {
  if (!p) return { progressLine: '', progressColor: 'Default' as const };
  const { text, good } = verdictSentence(p);
  return { progressLine: text, progressColor: good ? ('Good' as const) : ('Attention' as const) };
}

/** One line per earlier cycle: its baseline, its target and its last survey reading. */
function cycleLine(c: IndicatorCycle): { line: string } {
  const last = c.readings.filter((r) => !r.proxy).at(-1);
  const target = c.target ? `target ${c.target.value}% by ${c.target.year}` : 'no target';
  const reached = last ? `last survey ${last.value}% (${last.year})` : 'no survey reading';
  return { line: `From ${c.baseline.year}: baseline ${c.baseline.value}%, ${target}, ${reached}` };
}

export function indicatorCard(
  ind: Indicator,
  options: { canRecord: boolean; canTarget: boolean; notice?: string; thisYear: number },
): CardData<'indicator'> {
  const facts = [
    {
      title: 'Baseline',
      value: ind.baseline
        ? `${ind.baseline.value}% (${ind.baseline.year}, ${ind.baseline.sampleSize} asked, ${margin(ind.baseline.value, ind.baseline.sampleSize)})`
        : 'not set',
    },
    { title: 'Target', value: ind.target ? `${ind.target.value}% by ${ind.target.year}` : 'not set' },
  ];
  return {
    town: ind.town,
    townName: townBySlug(ind.town).name,
    version: ind.version,
    question: ind.question,
    notice: options.notice ?? '',
    facts,
    ...progressLine(verdictView(ind)),
    ...trajectoryChart(indicatorSeries(ind), ind),
    readings: ind.readings.map((r) => ({
      line: r.proxy
        ? `${r.year}: ${r.value}% from ${r.source}, PROXY (${margin(r.value, r.sampleSize)}). ${r.caveat ?? ''}`.trim()
        : `${r.year}: ${r.value}% from ${r.source} (${margin(r.value, r.sampleSize)})`,
    })),
    cycles: (ind.cycles ?? []).map(cycleLine).reverse(),
    canRecord: options.canRecord,
    canTarget: options.canTarget,
    thisYear: String(options.thisYear),
  };
}
