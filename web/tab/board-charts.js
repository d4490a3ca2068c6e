// The town board's charts: progress by priority, actions by RAG, and the residents' indicator against its
// trajectory, each survey reading with its 95% margin of error drawn as a band. And the ten towns side by side.
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

/** @param {import('./host.js').Tab} tab @param {any} indicator */
function indicatorChart(tab, indicator) {
  const years = [
    ...new Set(
      indicator.series.flatMap((/** @type {any} */ s) => s.points.map((/** @type {any} */ p) => p.year)),
    ),
  ].sort();
  const at = (/** @type {any[]} */ points) =>
    years.map((y) => points.find((p) => p.year === y)?.value ?? null);
  const interval = () =>
    years.map((y) => {
      const m = indicator.margins.find((/** @type {any} */ r) => r.year === y);
      return m
        ? [Math.round((m.value - m.margin) * 10) / 10, Math.round((m.value + m.margin) * 10) / 10]
        : null;
    });
  const progress = indicator.progress
    ? ` In ${indicator.progress.year} it was ${indicator.progress.progress.replace('_', ' ')} (the trajectory expected ${indicator.progress.expected}%).`
    : '';
  return chartFigure(tab, {
    title: "Residents' indicator",
    description: `${indicator.question}.${progress}`,
    build: (c) => ({
      type: 'line',
      data: {
        labels: years,
        datasets: [
          ...indicator.series.map((/** @type {any} */ s, /** @type {number} */ i) => ({
            label: s.legend,
            data: at(s.points),
            borderColor: [c.second, c.brand, c.amber][i] ?? c.brand,
            backgroundColor: [c.second, c.brand, c.amber][i] ?? c.brand,
            borderDash: i === 0 ? [6, 4] : [],
            spanGaps: true,
          })),
          {
            // Each survey reading's 95% interval, as a thin floating bar behind its point.
            type: 'bar',
            label: 'Margin of error (95%)',
            data: interval(),
            backgroundColor: c.band,
            borderColor: c.second,
            borderWidth: 1,
            barPercentage: 0.12,
            order: 10,
          },
        ],
      },
      options: {
        scales: { y: { beginAtZero: false, title: { display: true, text: '% agreeing' } } },
      },
    }),
    table: {
      head: ['Year', ...indicator.series.map((/** @type {any} */ s) => s.legend), '± margin'],
      rows: years.map((y) => [
        y,
        ...indicator.series.map(
          (/** @type {any} */ s) => s.points.find((/** @type {any} */ p) => p.year === y)?.value ?? '–',
        ),
        indicator.margins.find((/** @type {any} */ r) => r.year === y)?.margin ?? '–',
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
