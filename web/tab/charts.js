// Charts with Chart.js, each with what a screen reader needs: the canvas is an image with a one-line
// description, and the same figures follow as a table. Colours come from the theme's own variables, and the
// charts are drawn again when Teams changes theme.
import { h } from './dom.js';

/** @returns {any} */
const ChartJs = () => /** @type {any} */ (window).Chart;

/** The theme's colours, read from the page's CSS variables. */
export function palette() {
  const css = getComputedStyle(document.documentElement);
  const v = (/** @type {string} */ name) => css.getPropertyValue(name).trim();
  return {
    text: v('--fg'),
    grid: v('--grid'),
    brand: v('--brand'),
    second: v('--series-2'),
    band: v('--band'),
    red: v('--rag-red'),
    amber: v('--rag-amber'),
    green: v('--rag-green'),
    done: v('--done'),
  };
}

/**
 * @param {import('./host.js').Tab} tab
 * @param {{ title: string, description: string, build: (colours: ReturnType<typeof palette>) => any, table: { head: string[], rows: (string | number)[][] } }} spec
 */
export function chartFigure(tab, spec) {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${spec.title}: ${spec.description}` });
  /** @type {any} */
  let chart = null;
  const draw = () => {
    if (!ChartJs() || !canvas.isConnected) return;
    chart?.destroy();
    const colours = palette();
    const built = spec.build(colours);
    ChartJs().defaults.color = colours.text;
    ChartJs().defaults.borderColor = colours.grid;
    chart = new (ChartJs())(canvas, {
      ...built,
      options: { animation: false, responsive: true, maintainAspectRatio: false, ...built.options },
    });
  };
  tab.onTheme(draw);
  requestAnimationFrame(draw);
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', {}, spec.title),
    h('div', { class: 'chart-area' }, canvas),
    h(
      'details',
      {},
      h('summary', {}, `${spec.title}: the figures`),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ...spec.table.head.map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...spec.table.rows.map((r) =>
            h('tr', {}, ...r.map((c, i) => (i ? h('td', {}, c) : h('th', { scope: 'row' }, c)))),
          ),
        ),
      ),
    ),
  );
}
