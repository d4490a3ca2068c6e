// The channel tab "Town board": the town's plan by priority, its actions as a board by status with filters
// (priority, task group, owner, agency, RAG, overdue), its charts, and its open problem-solving plans by
// stage. Set up in the strategic board's channel, the ten towns side by side with the seed fund.
import { formatDate, h, show, uid } from './dom.js';
import { config, run } from './host.js';
import { actionControls, statusLabel } from './controls.js';
import { countyChart, townCharts } from './board-charts.js';
import { evidenceSection } from './evidence.js';

const RAG_TEXT = { red: 'Red', amber: 'Amber', green: 'Green' };
const pounds = (/** @type {number} */ pence) =>
  `£${(pence / 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;

run(async (tab) => {
  const town = new URLSearchParams(location.search).get('town') ?? tab.context?.page?.id ?? '';
  if (!town)
    return show(
      tab.main,
      h('h1', {}, 'Town board'),
      h('p', { class: 'problem' }, 'This tab has no town set: a coordinator can set it up again.'),
    );
  /** @type {Record<string, string>} */
  const filters = {};
  /** @type {any} */
  let view = null;
  const boardArea = h('div', { class: 'board-area' });
  const page = {
    reload: async () => {
      const answer = await tab.api(
        town === 'county' ? '/tab/api/county' : `/tab/api/towns/${encodeURIComponent(town)}/board`,
      );
      if (!answer.ok)
        return show(
          tab.main,
          h('h1', {}, 'Town board'),
          h('p', { class: 'problem' }, answer.body?.error ?? 'Could not load the board.'),
        );
      view = answer.body;
      if (town === 'county') return show(tab.main, ...countyView(tab, view));
      show(
        tab.main,
        h('h1', {}, `${view.townName} town board`),
        view.plan
          ? h('p', { class: 'meta' }, `${view.plan.title}: ${view.plan.progressLine}.`)
          : h('p', {}, `${view.townName} has no delivery plan yet.`),
        h(
          'section',
          { 'aria-labelledby': 'charts-h' },
          h('h2', { id: 'charts-h' }, 'Progress'),
          h('div', { class: 'charts' }, ...townCharts(tab, view)),
        ),
        h(
          'section',
          { 'aria-labelledby': 'board-h' },
          h('h2', { id: 'board-h' }, 'Actions'),
          filterForm(view, filters, () => drawBoard()),
          boardArea,
        ),
        problemList(view.problems),
        evidenceSection(tab, view),
      );
      drawBoard();
    },
  };
  const drawBoard = () => {
    const cards = view.board.cards.filter((/** @type {any} */ c) => matches(c, filters));
    show(
      boardArea,
      h(
        'p',
        { role: 'status', class: 'count' },
        `${cards.length} of ${view.board.cards.length} actions shown.`,
      ),
      h(
        'div',
        { class: 'board' },
        ...view.board.statuses.map((/** @type {string} */ status) => {
          const column = cards.filter((/** @type {any} */ c) => c.status === status);
          return h(
            'section',
            { class: 'column', 'aria-label': `${statusLabel(status)}: ${column.length}` },
            h('h3', {}, `${statusLabel(status)} (${column.length})`),
            h('ul', {}, ...column.map((/** @type {any} */ c) => boardCard(tab, view, c, page))),
          );
        }),
      ),
    );
  };
  await page.reload();
});

/** @param {any} c @param {Record<string, string>} f */
function matches(c, f) {
  return (
    (!f.priority || c.priorityId === f.priority) &&
    (!f.group || c.taskGroupId === f.group) &&
    (!f.owner || c.owners.some((/** @type {any} */ o) => o.id === f.owner)) &&
    (!f.agency || c.owners.some((/** @type {any} */ o) => o.agency === f.agency)) &&
    (!f.rag || c.rag === f.rag) &&
    (!f.overdue || c.overdue)
  );
}

/** @param {any} view @param {Record<string, string>} filters @param {() => void} changed */
function filterForm(view, filters, changed) {
  const { facets } = view.board;
  const select = (
    /** @type {string} */ key,
    /** @type {string} */ label,
    /** @type {[string, string][]} */ options,
  ) => {
    const id = uid(key);
    return h(
      'div',
      { class: 'filter' },
      h('label', { for: id }, label),
      h(
        'select',
        {
          id,
          onchange: (/** @type {Event} */ e) => {
            filters[key] = /** @type {HTMLSelectElement} */ (e.target).value;
            changed();
          },
        },
        h('option', { value: '' }, 'All'),
        // Drawn again after a change: the filters chosen stay chosen.
        ...options.map(([value, text]) => h('option', { value, selected: filters[key] === value }, text)),
      ),
    );
  };
  const overdueId = uid('overdue');
  return h(
    'form',
    {
      class: 'filters',
      'aria-label': 'Filter the actions',
      onsubmit: (/** @type {Event} */ e) => e.preventDefault(),
    },
    select(
      'priority',
      'Priority',
      facets.priorities.map((/** @type {any} */ p) => [p.id, p.title]),
    ),
    facets.taskGroups.length
      ? select(
          'group',
          'Task group',
          facets.taskGroups.map((/** @type {any} */ g) => [g.id, g.title]),
        )
      : null,
    select(
      'owner',
      'Owner',
      facets.owners.map((/** @type {any} */ o) => [o.id, o.name]),
    ),
    select(
      'agency',
      'Agency',
      facets.agencies.map((/** @type {string} */ a) => [a, a]),
    ),
    select('rag', 'RAG', Object.entries(RAG_TEXT)),
    h(
      'div',
      { class: 'filter check' },
      h('input', {
        id: overdueId,
        type: 'checkbox',
        checked: filters.overdue === 'yes',
        onchange: (/** @type {Event} */ e) => {
          filters.overdue = /** @type {HTMLInputElement} */ (e.target).checked ? 'yes' : '';
          changed();
        },
      }),
      h('label', { for: overdueId }, 'Overdue only'),
    ),
  );
}

/** @param {import('./host.js').Tab} tab @param {any} view @param {any} c @param {{reload: () => Promise<void>}} page */
function boardCard(tab, view, c, page) {
  const priority =
    view.board.facets.priorities.find((/** @type {any} */ p) => p.id === c.priorityId)?.title ?? '';
  return h(
    'li',
    { class: `card${c.rag ? ` rag-${c.rag}` : ''}` },
    h('h4', {}, `${c.ref} ${c.title}`),
    h('p', { class: 'meta' }, `${priority} · due ${formatDate(c.dueDate)}${c.overdue ? ' (overdue)' : ''}`),
    h('p', { class: 'meta' }, c.owners.map((/** @type {any} */ o) => `${o.name} (${o.agency})`).join(', ')),
    c.rag ? h('p', { class: `rag rag-${c.rag}` }, `RAG: ${RAG_TEXT[/** @type {'red'} */ (c.rag)]}`) : null,
    view.mayUpdate ? actionControls(tab, c, page) : null,
  );
}

/** @param {{ref: string, title: string, stage: string}[]} problems */
function problemList(problems) {
  const stages = Object.entries(config.vocabulary.stages).filter(([id]) => id !== 'closed');
  return h(
    'section',
    { 'aria-labelledby': 'problems-h' },
    h('h2', { id: 'problems-h' }, `Problem-solving plans (${problems.length} open)`),
    problems.length ? null : h('p', {}, 'No open problem-solving plans.'),
    ...stages.map(([id, label]) => {
      const here = problems.filter((p) => p.stage === id);
      return here.length
        ? h(
            'div',
            {},
            h('h3', {}, `${label} (${here.length})`),
            h('ul', {}, ...here.map((p) => h('li', {}, `${p.ref} ${p.title}`))),
          )
        : null;
    }),
  );
}

/** @param {import('./host.js').Tab} tab @param {any} county */
function countyView(tab, county) {
  const f = county.fund;
  return [
    h('h1', {}, 'The ten towns'),
    h('div', { class: 'charts' }, countyChart(tab, county)),
    h('h2', {}, 'Seed fund'),
    h(
      'p',
      {},
      `${pounds(f.allocated)} allocated and ${pounds(f.spent)} spent; ${pounds(f.remaining)} left to allocate.`,
    ),
    h(
      'table',
      {},
      h('caption', {}, 'Seed fund by town'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Town'),
          h('th', { scope: 'col' }, 'Allocated'),
          h('th', { scope: 'col' }, 'Spent'),
        ),
      ),
      h(
        'tbody',
        {},
        ...f.towns.map((/** @type {any} */ t) =>
          h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              county.towns.find((/** @type {any} */ x) => x.town === t.town)?.townName ?? t.town,
            ),
            h('td', {}, pounds(t.allocated)),
            h('td', {}, pounds(t.spent)),
          ),
        ),
      ),
    ),
  ];
}
