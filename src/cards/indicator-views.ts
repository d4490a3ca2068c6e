// The residents' survey indicator -> card data: figures with their margins of error, proxies always
// labelled, the trajectory chart (with a text fallback), and the forms each role may use.
import {
  marginOfError,
  progressAgainstTrajectory,
  indicatorSeries,
  type Indicator,
  type Progress,
} from '../domain/indicator.js';
import { townBySlug } from '../domain/towns.js';
import type { CardData } from './card-data.js';

const PROGRESS_TEXT: Record<Progress, { text: string; color: 'Good' | 'Warning' | 'Attention' }> = {
  ahead: { text: 'ahead of the trajectory to target', color: 'Good' },
  on_track: { text: 'on the trajectory to target (within the margin of error)', color: 'Good' },
  behind: { text: 'behind the trajectory to target', color: 'Attention' },
};

const margin = (value: number, sample: number | null) => {
  const moe = marginOfError(value, sample);
  return moe === null ? 'no sample size, so no margin of error' : `±${moe} points`;
};

/** Series for Chart.Line (x as text, as Teams expects) and the same figures as text for the fallback. */
export function trajectoryChart(series: ReturnType<typeof indicatorSeries>) {
  return {
    chart: series.map((s) => ({
      legend: s.legend,
      values: s.points.map((p) => ({ x: String(p.year), y: p.value })),
    })),
    chartFallback: series.map((s) => ({
      line: `${s.legend}: ${s.points.map((p) => `${p.year} ${p.value}%`).join(', ')}`,
    })),
  };
}

export function progressLine(p: { progress: Progress; expected: number; year: number } | null) {
  if (!p) return { progressLine: '', progressColor: 'Default' as const };
  const { text, color } = PROGRESS_TEXT[p.progress];
  return { progressLine: `${p.year}: ${text} (${p.expected}% expected by then)`, progressColor: color };
}

export function indicatorCard(
  ind: Indicator,
  options: { canRecord: boolean; canTarget: boolean; notice?: string; thisYear: number },
): CardData<'indicator'> {
  const against = progressAgainstTrajectory(ind);
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
    ...progressLine(against && { ...against, year: against.reading.year }),
    ...trajectoryChart(indicatorSeries(ind)),
    readings: ind.readings.map((r) => ({
      line: r.proxy
        ? `${r.year}: ${r.value}% from ${r.source}, PROXY (${margin(r.value, r.sampleSize)}). ${r.caveat ?? ''}`.trim()
        : `${r.year}: ${r.value}% from ${r.source} (${margin(r.value, r.sampleSize)})`,
    })),
    canRecord: options.canRecord,
    canTarget: options.canTarget,
    thisYear: String(options.thisYear),
  };
}
