// The town board's evidence section: the town's profile from police.uk open data. A line chart of each month
// (its figures in a table beside it), the twelve months by type against the twelve before, the streets with
// the most and the repeat locations, and where the figures come from.
import { h } from './dom.js';
import { chartFigure } from './charts.js';

const LONG = 'January February March April May June July August September October November December'.split(
  ' ',
);
const monthName = (/** @type {string} */ m) => `${LONG[Number(m.slice(5)) - 1]} ${m.slice(0, 4)}`;
const short = (/** @type {string} */ m) => `${LONG[Number(m.slice(5)) - 1].slice(0, 3)} ${m.slice(2, 4)}`;
/** @param {{ now: number, before: number, percent: number | null }} c */
const change = (c, coveredBefore = 12) =>
  !coveredBefore
    ? 'no data the year before'
    : c.percent === null
      ? c.now || c.before
        ? 'too few to compare'
        : ''
      : c.percent === 0
        ? 'no change'
        : `${c.percent > 0 ? '+' : '\u2212'}${Math.abs(c.percent)}%`;

/** @param {import('./host.js').Tab} tab @param {any} view the town board from the API */
export function evidenceSection(tab, view) {
  const e = view.evidence;
  const heading = h('h2', { id: 'evidence-h' }, 'Town profile (police.uk)');
  if (!e)
    return h(
      'section',
      { 'aria-labelledby': 'evidence-h' },
      heading,
      h(
        'p',
        {},
        'No police.uk data has been imported yet: "crime data" in a 1:1 chat with the bot, with a month\'s file attached, or npm run crime-data -- import on the server.',
      ),
    );
  const p = e.profile;
  // From the first month with data: a month not imported is a gap in the line, never a 0.
  const first = p.monthly.findIndex((/** @type {any} */ m) => m.count !== null);
  const months = p.monthly.slice(Math.max(0, first));
  return h(
    'section',
    { 'aria-labelledby': 'evidence-h' },
    heading,
    h(
      'p',
      { class: 'meta' },
      `Data to ${monthName(e.latest)}: ${p.total.now} recorded in the 12 months to then, ${p.total.before} in the 12 before (${change(p.total, p.coveredBefore) || 'none recorded'}).`,
    ),
    h(
      'div',
      { class: 'charts' },
      chartFigure(tab, {
        title: 'Recorded each month',
        description: `${months.length} months to ${monthName(e.latest)}; all crime and anti-social behaviour, and anti-social behaviour alone`,
        build: (c) => ({
          type: 'line',
          data: {
            labels: months.map((/** @type {any} */ m) => short(m.month)),
            datasets: [
              {
                label: 'All',
                data: months.map((/** @type {any} */ m) => m.count),
                borderColor: c.brand,
                backgroundColor: c.brand,
              },
              {
                label: 'Anti-social behaviour',
                data: months.map((/** @type {any} */ m) => m.antiSocial),
                borderColor: c.second,
                backgroundColor: c.second,
                borderDash: [6, 4],
              },
            ],
          },
          options: {
            scales: {
              y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Recorded' } },
            },
          },
        }),
        table: {
          head: ['Month', 'All', 'Anti-social behaviour'],
          rows: months.map((/** @type {any} */ m) => [
            monthName(m.month),
            m.count ?? 'no data',
            m.antiSocial ?? 'no data',
          ]),
        },
      }),
    ),
    h(
      'table',
      {},
      h('caption', {}, 'By type: the 12 months to the latest, and the 12 before'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Type', '12 months', 'Year before', 'Change'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        ...p.byType.map((/** @type {any} */ t) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, t.type),
            h('td', {}, String(t.now)),
            h('td', {}, p.coveredBefore ? String(t.before) : 'no data'),
            h('td', {}, change(t, p.coveredBefore)),
          ),
        ),
      ),
    ),
    h('h3', {}, 'Streets with the most (12 months)'),
    h('ol', {}, ...p.topStreets.map((/** @type {any} */ s) => h('li', {}, `${s.location}: ${s.count}`))),
    p.repeatLocations.length
      ? h(
          'div',
          {},
          h('h3', {}, 'Repeat locations'),
          h(
            'ul',
            {},
            ...p.repeatLocations.map((/** @type {any} */ r) =>
              h('li', {}, `${r.location}: top ten in ${r.months} of the last 6 months`),
            ),
          ),
        )
      : h('p', {}, 'No repeat locations: no street was in the top ten in three of the last six months.'),
    h(
      'p',
      { class: 'meta' },
      `Area: ${e.area ? `${e.area.approximate ? 'approximate, ' : ''}${e.area.source}` : 'none set'}. Source: ${e.source}. ${e.caveat}`,
    ),
  );
}
