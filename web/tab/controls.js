// The changes a tab can make to an action, as small labelled forms: status, progress note, due date. Each
// sends the version the page was showing; a stale one (someone changed it meanwhile) reloads the page's data.
import { config } from './host.js';
import { h, uid } from './dom.js';

/** @typedef {{ id: string, version: number, ref: string, title: string, status: string }} ActionLike */
/** @typedef {import('./host.js').Tab} Tab */

export const statusLabel = (/** @type {string} */ id) =>
  config.vocabulary.statuses.find((s) => s.id === id)?.label ?? id;

/** What to tell the person when a change was not made. */
export function explain(/** @type {import('./host.js').ApiAnswer} */ answer, /** @type {string} */ ref) {
  if (answer.status === 409)
    return `${ref} was changed by someone else meanwhile. It has been reloaded: try again.`;
  if (answer.status === 401) return 'Your sign-in has expired: open the tab again.';
  const issues =
    Array.isArray(answer.body?.issues) && answer.body.issues.length
      ? ` (${answer.body.issues.join('; ')})`
      : '';
  return `${answer.body?.error ?? 'That did not work'}${issues}`;
}

/**
 * @param {Tab} tab
 * @param {ActionLike} action
 * @param {{ reload: () => Promise<void> }} page
 * @param {{ note?: boolean, due?: boolean }} [more]
 */
export function actionControls(tab, action, page, more = {}) {
  // What happened is said beside the action as well as at the top of the page (the page's live region),
  // so a partner working down a long list sees it where they clicked.
  const tell = (/** @type {string} */ text, /** @type {'info' | 'error'} */ kind = 'info') => {
    tab.say(text, kind);
    const near = document.querySelector(`[data-said="${CSS.escape(action.id)}"]`);
    if (near) {
      near.textContent = text;
      /** @type {HTMLElement} */ (near).dataset['kind'] = kind;
    }
  };
  const send = async (
    /** @type {string} */ kind,
    /** @type {Record<string, unknown>} */ body,
    /** @type {string} */ done,
  ) => {
    const answer = await tab.api(`/tab/api/actions/${encodeURIComponent(action.id)}/${kind}`, {
      method: 'POST',
      body: { version: action.version, ...body },
    });
    if (answer.ok || answer.status === 409) await page.reload();
    // After the reload, so the words land beside the action as it is now drawn.
    if (answer.ok) tell(done);
    else tell(explain(answer, action.ref), 'error');
  };
  const settled = action.status === 'done' || action.status === 'cancelled';
  const moves = config.vocabulary.statuses.find((s) => s.id === action.status)?.moves ?? [];
  const statusId = uid('status');
  let armed = false;
  const reasonId = uid('reason');
  const status = h(
    'form',
    {
      class: 'control',
      onsubmit: (/** @type {SubmitEvent} */ e) => {
        e.preventDefault();
        const data = new FormData(/** @type {HTMLFormElement} */ (e.currentTarget));
        const to = String(data.get('status') ?? '');
        const reason = String(data.get('reason') ?? '').trim();
        if (!to) return tell(`Choose the new status of ${action.ref} first.`, 'error');
        if (to === 'cancelled' && !reason)
          return tell(`Say why ${action.ref} is being cancelled: it leaves the town's figures.`, 'error');
        // Cancelling asks twice: the first press says what it does, the second cancels.
        if (to === 'cancelled' && !armed) {
          armed = true;
          return tell(
            `Cancel ${action.ref}? It stays on record but leaves the town's figures. Press "Change status" again to cancel it.`,
          );
        }
        armed = false;
        void send(
          'status',
          { status: to, ...(reason ? { reason } : {}) },
          `${action.ref} is now ${statusLabel(to)}.`,
        );
      },
    },
    h('label', { for: statusId }, `Status of ${action.ref}`),
    h(
      'select',
      { id: statusId, name: 'status', onchange: () => (armed = false) },
      // Nothing chosen until the person chooses: a pre-selected move is one click from a wrong change.
      h('option', { value: '', selected: true }, 'Choose…'),
      ...moves.map((m) => h('option', { value: m }, statusLabel(m))),
    ),
    h('label', { for: reasonId }, 'Reason (needed to block or cancel)'),
    h('input', { id: reasonId, name: 'reason', maxlength: 1000, autocomplete: 'off' }),
    h('button', { type: 'submit' }, 'Change status'),
  );
  const forms = [moves.length ? status : null];
  if (more.note) {
    const noteId = uid('note');
    forms.push(
      h(
        'form',
        {
          class: 'control',
          onsubmit: (/** @type {SubmitEvent} */ e) => {
            e.preventDefault();
            const note = String(
              new FormData(/** @type {HTMLFormElement} */ (e.currentTarget)).get('note') ?? '',
            ).trim();
            if (!note) return tell('Write the note first.', 'error');
            void send('note', { note }, `Note added to ${action.ref}.`);
          },
        },
        h(
          'label',
          { for: noteId },
          `Progress note on ${action.ref} (no names or personal details: use case IDs)`,
        ),
        h('textarea', { id: noteId, name: 'note', rows: 2, maxlength: 2000 }),
        h('button', { type: 'submit' }, 'Add note'),
      ),
    );
  }
  // A done or cancelled action has no date to move.
  if (more.due && !settled) {
    const dueId = uid('due');
    forms.push(
      h(
        'form',
        {
          class: 'control',
          onsubmit: (/** @type {SubmitEvent} */ e) => {
            e.preventDefault();
            const data = new FormData(/** @type {HTMLFormElement} */ (e.currentTarget));
            const dueDate = String(data.get('dueDate') ?? '');
            const reason = String(data.get('reason') ?? '').trim();
            if (!dueDate) return tell('Choose the new due date first.', 'error');
            void send(
              'due',
              { dueDate, ...(reason ? { reason } : {}) },
              `${action.ref} is now due ${dueDate}.`,
            );
          },
        },
        h('label', { for: dueId }, `New due date for ${action.ref}`),
        h('input', { id: dueId, name: 'dueDate', type: 'date' }),
        h('label', { for: `${dueId}-why` }, 'Why is the date moving? (needed when overdue or moved before)'),
        h('input', { id: `${dueId}-why`, name: 'reason', maxlength: 500, autocomplete: 'off' }),
        h('button', { type: 'submit' }, 'Move due date'),
      ),
    );
  }
  const [first, ...rest] = forms;
  // The status first; the note and the due date one click away, so a long list stays readable.
  return h(
    'div',
    { class: 'controls' },
    first,
    h('p', { class: 'said', role: 'status', 'data-said': action.id }),
    rest.length
      ? h(
          'details',
          { class: 'more' },
          h(
            'summary',
            {},
            settled ? `Add a note to ${action.ref}` : `Add a note or move the due date of ${action.ref}`,
          ),
          ...rest,
        )
      : null,
  );
}
