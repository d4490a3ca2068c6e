// The meeting's side panel: the town's meeting on now (else its next), what is due since the last meeting
// and before the next, what is blocked, the problem-solving plans to review, and new actions proposed during
// the meeting (confirmed by the organiser in the new-action form when it ends).
import { formatDate, h, show, uid } from './dom.js';
import { config, run } from './host.js';
import { actionControls, explain, statusLabel } from './controls.js';

run(async (tab) => {
  const town = new URLSearchParams(location.search).get('town') ?? tab.context?.page?.id ?? '';
  const page = {
    reload: async () => {
      const answer = await tab.api(`/tab/api/towns/${encodeURIComponent(town)}/meeting`);
      if (!answer.ok)
        return show(
          tab.main,
          h('h1', {}, 'Partnership meeting'),
          h('p', { class: 'problem' }, answer.body?.error ?? 'Could not load the meeting.'),
        );
      const { agenda, inProgress, proposals } = answer.body;
      if (!agenda)
        return show(
          tab.main,
          h('h1', {}, 'Partnership meeting'),
          h(
            'p',
            { class: 'explanation' },
            'No partnership meeting of this town is booked. A coordinator can book one with "schedule meeting".',
          ),
        );
      const list = (/** @type {string} */ title, /** @type {any[]} */ actions) =>
        h(
          'section',
          {},
          h('h2', {}, `${title} (${actions.length})`),
          actions.length ? null : h('p', { class: 'meta' }, 'None.'),
          h(
            'ul',
            { class: 'actions' },
            ...actions.map((a) =>
              h(
                'li',
                { class: 'action' },
                h('h3', {}, `${a.ref} ${a.title}`),
                h(
                  'p',
                  { class: 'meta' },
                  `${statusLabel(a.status)} · due ${formatDate(a.dueDate)} · ${a.owners.map((/** @type {any} */ o) => o.displayName).join(', ')}`,
                ),
                actionControls(tab, a, page),
              ),
            ),
          ),
        );
      show(
        tab.main,
        h('h1', {}, agenda.meeting.title),
        h(
          'p',
          { class: 'meta' },
          inProgress ? 'On now.' : `Next meeting: ${formatDate(agenda.meeting.start)}.`,
        ),
        list('Due since the last meeting', agenda.dueSinceLast),
        list('Blocked', agenda.blocked),
        list('Due before the next meeting', agenda.dueBeforeNext),
        h(
          'section',
          {},
          h('h2', {}, `Problem-solving plans to review (${agenda.problems.length})`),
          h(
            'ul',
            {},
            ...agenda.problems.map((/** @type {any} */ p) =>
              h('li', {}, `${p.ref} ${p.title} (${config.vocabulary.stages[p.stage] ?? p.stage})`),
            ),
          ),
        ),
        h(
          'section',
          {},
          h('h2', {}, `Proposed in this meeting (${proposals.length})`),
          h(
            'ul',
            {},
            ...proposals.map((/** @type {any} */ p) =>
              h(
                'li',
                {},
                `${p.title}${p.savedAs ? ` (saved as ${p.savedAs})` : ' (for the organiser to confirm)'}`,
              ),
            ),
          ),
          inProgress
            ? proposalForm(tab, town, page)
            : h('p', { class: 'meta' }, 'New actions can be proposed here while the meeting is on.'),
        ),
      );
    },
  };
  await page.reload();
});

/** @param {import('./host.js').Tab} tab @param {string} town @param {{reload: () => Promise<void>}} page */
function proposalForm(tab, town, page) {
  const field = (
    /** @type {string} */ name,
    /** @type {string} */ label,
    /** @type {Record<string, unknown>} */ attrs = {},
  ) => {
    const id = uid(name);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', { id, name, autocomplete: 'off', ...attrs }),
    );
  };
  return h(
    'form',
    {
      class: 'control proposal',
      'aria-label': 'Propose a new action',
      onsubmit: async (/** @type {SubmitEvent} */ e) => {
        e.preventDefault();
        const form = /** @type {HTMLFormElement} */ (e.currentTarget);
        const data = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
        const answer = await tab.api(`/tab/api/towns/${encodeURIComponent(town)}/proposals`, {
          method: 'POST',
          body: data,
        });
        if (!answer.ok) return tab.say(explain(answer, 'The proposal'), 'error');
        tab.say(`Proposed: ${answer.body.proposal.title}. The organiser confirms it when the meeting ends.`);
        await page.reload();
      },
    },
    h('h3', {}, 'Propose a new action'),
    h('p', { class: 'meta' }, 'No names or personal details: refer to case-system IDs.'),
    field('title', 'What will be done, and where', { required: true, maxlength: 200 }),
    field('measure', 'Measure', { maxlength: 200 }),
    field('target', 'Target', { maxlength: 100 }),
    field('dueDate', 'Due date', { type: 'date' }),
    h('button', { type: 'submit' }, 'Propose'),
  );
}
