// The personal tab "My actions": every open action the person owns, in every town where they have a seat,
// grouped by due state, with the card's own changes (status, note, due date) through the same API.
import { formatDate, h, show } from './dom.js';
import { run, signedInLine } from './host.js';
import { actionControls, statusLabel } from './controls.js';

const GROUPS = [
  ['overdue', 'Overdue'],
  ['due_today', 'Due today'],
  ['due_soon', 'Due soon'],
  ['on_schedule', 'On schedule'],
];

run(async (tab) => {
  const page = {
    reload: async () => {
      const answer = await tab.api('/tab/api/my-work');
      if (!answer.ok) {
        show(
          tab.main,
          h('h1', {}, 'My actions'),
          h('p', { class: 'problem' }, answer.body?.error ?? 'Could not load your actions.'),
        );
        return;
      }
      const work = answer.body;
      const towns = new Map(work.seats.map((/** @type {any} */ s) => [s.town, s.townName]));
      const total = GROUPS.reduce((n, [key]) => n + (work.groups[key]?.length ?? 0), 0);
      show(
        tab.main,
        h('h1', {}, 'My actions'),
        signedInLine(work),
        work.explanation ? h('p', { class: 'explanation' }, work.explanation) : null,
        work.seats.length && !total ? h('p', {}, 'You own no open actions. Well done.') : null,
        ...GROUPS.map(([key, title]) => {
          const items = work.groups[key] ?? [];
          if (!items.length) return null;
          return h(
            'section',
            { 'aria-labelledby': `group-${key}` },
            h('h2', { id: `group-${key}`, class: `due-${key}` }, `${title} (${items.length})`),
            h(
              'ul',
              { class: 'actions' },
              ...items.map((/** @type {any} */ a) =>
                h(
                  'li',
                  { class: 'action' },
                  h('h3', {}, `${a.ref} ${a.title}`),
                  h(
                    'p',
                    { class: 'meta' },
                    `${towns.get(a.town) ?? a.town} · ${statusLabel(a.status)} · due ${formatDate(a.dueDate)}`,
                  ),
                  actionControls(tab, a, page, { note: true, due: true }),
                ),
              ),
            ),
          );
        }),
      );
    },
  };
  await page.reload();
});
