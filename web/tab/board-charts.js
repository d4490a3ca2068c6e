// The town board's charts: progress by priority, actions by RAG, and the residents' indicator against its
// trajectory on a year axis to scale, every reading (proxies marked) with its 95% margin of error as an error
// bar. And the ten towns side by side.
import { chartFigure } from './charts.js';

/** @param {import('./host.js').Tab} tab @param {any} view the town board from the API */
export function townCharts(tab, view) {
  const rows = view.plan?.progress.priorities ?? [];
  const charts = [
    chartFigure(tab, {
      title: 'Progress by priority',
      description:
        rows.map((/** @type {any} */ p) => `${p.title} ${p.percentComplete}% done`).join('; ') ||
        'no priorities yet',
      build: (c) => ({
        type: 'bar',
        data: {
          labels: rows.map((/** @type {any} */ p) => wrap(p.title)),
          datasets: [
            {
              label: '% done',
              data: rows.map((/** @type {any} */ p) => p.percentComplete),
              backgroundColor: c.done,
            },
          ],
        },
        options: {
          indexAxis: 'y',
          scales: {
            x: { min: 0, max: 100, title: { display: true, text: '% of actions done' } },
            y: { ticks: { autoSkip: false } },
          },
        },
      }),
      table: {
        head: ['Priority', '% done', 'Actions'],
        rows: rows.map((/** @type {any} */ p) => [p.title, p.percentComplete, p.total ?? '']),
      },
    }),
    chartFigure(tab, {
      title: 'Open actions by RAG',
      description: `${view.figures.byRag.red} red, ${view.figures.byRag.amber} amber, ${view.figures.byRag.green} green`,
      build: (c) => ({
        type: 'bar',
        data: {
          labels: ['Red', 'Amber', 'Green'],
          datasets: [
            {
              label: 'Open actions',
              data: [view.figures.byRag.red, view.figures.byRag.amber, view.figures.byRag.green],
              backgroundColor: [c.red, c.amber, c.green],
            },
          ],
        },
        options: {
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      }),
      table: {
        head: ['RAG', 'Open actions'],
        rows: [
          ['Red', view.figures.byRag.red],
          ['Amber', view.figures.byRag.amber],
          ['Green', view.figures.byRag.green],
        ],
      },
    }),
  ];
  if (view.indicator) charts.push(indicatorChart(tab, view.indicator));
  return charts;
}

/**
 * Error bars: for each reading with a margin, a vertical segment from its low to its high end, the
 * segments kept apart by a gap (a null), on the same year axis as the lines.
 * @param {any[]} readings
 */
function errorBars(readings) {
  return readings
    .filter((r) => r.low !== null)
    .flatMap((r) => [
      { x: r.year, y: r.low },
      { x: r.year, y: r.high },
      { x: r.year, y: null },
    ]);
}

/** @param {import('./host.js').Tab} tab @param {any} indicator */
function indicatorChart(tab, indicator) {
  const colour = (/** @type {any} */ c, /** @type {string} */ kind) =>
    ({ trajectory: c.second, target: c.second, survey: c.brand, proxy: c.amber })[kind] ?? c.brand;
  const survey = indicator.readings.filter((/** @type {any} */ r) => !r.proxy);
  const proxies = indicator.readings.filter((/** @type {any} */ r) => r.proxy);
  const years = indicator.series.flatMap((/** @type {any} */ s) =>
    s.points.map((/** @type {any} */ p) => p.year),
  );
  const verdict = indicator.progressLine ? ` ${indicator.progressLine}.` : '';
  return chartFigure(tab, {
    title: "Residents' indicator",
    description: `${indicator.question}.${verdict}`,
    build: (c) => ({
      type: 'line',
      data: {
        datasets: [
          ...indicator.series.map((/** @type {any} */ s) => ({
            label: s.legend,
            data: s.points.map((/** @type {any} */ p) => ({ x: p.year, y: p.value })),
            borderColor: colour(c, s.kind),
            backgroundColor: colour(c, s.kind),
            borderDash: s.kind === 'survey' ? [] : [6, 4],
            pointStyle: s.kind === 'proxy' ? 'triangle' : 'circle',
          })),
          // Each reading's 95% interval, as an error bar through its point; proxies' dashed.
          ...[
            { label: 'Survey margin of error (95%)', readings: survey, dash: [], color: c.brand },
            { label: 'Proxy margin of error (95%)', readings: proxies, dash: [3, 3], color: c.amber },
          ]
            .filter((bars) => bars.readings.some((/** @type {any} */ r) => r.low !== null))
            .map((bars) => ({
              label: bars.label,
              data: errorBars(bars.readings),
              borderColor: bars.color,
              backgroundColor: bars.color,
              borderWidth: 2,
              borderDash: bars.dash,
              pointRadius: 0,
              spanGaps: false,
            })),
        ],
      },
      options: {
        plugins: {
          // The error bars are explained by their figures' table; the legend names the lines only.
          legend: {
            labels: {
              usePointStyle: true,
              boxWidth: 8,
              filter: (/** @type {any} */ item) => !/margin of error/.test(item.text),
            },
          },
        },
        scales: {
          // The year as a number: 2017 to 2021 is four times as far as 2021 to 2022. Half a year either side,
          // so the first and last readings' error bars are not cut in half by the edge.
          x: {
            type: 'linear',
            min: Math.min(...years) - 0.5,
            max: Math.max(...years) + 0.5,
            // A tick on every whole year (Chart.js would count them from the padded edge).
            afterBuildTicks: (/** @type {any} */ axis) => {
              const first = Math.min(...years);
              axis.ticks = Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => ({
                value: first + i,
              }));
            },
            ticks: { callback: (/** @type {any} */ v) => String(v) },
            title: { display: true, text: 'Year' },
          },
          y: { beginAtZero: false, title: { display: true, text: '% agreeing' } },
        },
      },
    }),
    table: {
      head: ['Year', 'Reading', '% agreeing', '± margin (95%)', 'Trajectory'],
      rows: indicator.readings.map((/** @type {any} */ r) => [
        r.year,
        r.proxy ? `${r.source} (proxy)` : r.source,
        r.value,
        r.margin ?? '–',
        indicator.series
          .find((/** @type {any} */ s) => s.kind === 'trajectory')
          ?.points.find((/** @type {any} */ p) => p.year === r.year)?.value ?? '–',
      ]),
    },
  });
}

/** @param {import('./host.js').Tab} tab @param {any} county */
export function countyChart(tab, county) {
  return chartFigure(tab, {
    title: 'The ten towns: % of actions done',
    description: county.towns.map((/** @type {any} */ t) => `${t.townName} ${t.percentComplete}%`).join('; '),
    build: (c) => ({
      type: 'bar',
      data: {
        labels: county.towns.map((/** @type {any} */ t) => t.townName),
        datasets: [
          {
            label: '% done',
            data: county.towns.map((/** @type {any} */ t) => t.percentComplete),
            backgroundColor: c.done,
          },
        ],
      },
      options: { scales: { y: { min: 0, max: 100 } } },
    }),
    table: {
      head: ['Town', '% done', 'Red', 'Amber', 'Green', 'Overdue', 'Open problem plans'],
      rows: county.towns.map((/** @type {any} */ t) => [
        t.townName,
        t.percentComplete,
        t.byRag.red,
        t.byRag.amber,
        t.byRag.green,
        t.overdue,
        t.openProblems,
      ]),
    },
  });
}

/** A long label on several lines (Chart.js draws an array as lines), so it is not cut off. */
function wrap(/** @type {string} */ text, width = 26) {
  const lines = [''];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (lines[last] && (lines[last] + ' ' + word).length > width) lines.push(word);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  return lines;
}
