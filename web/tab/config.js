// Setting up the "Town board" tab in a channel or a meeting: the person picks one of the towns they
// coordinate (or the county, for board members). In a meeting the tab opens as the meeting's side panel.
import { h, show, uid } from './dom.js';
import { run } from './host.js';

/** @returns {any} */
const teams = () => /** @type {any} */ (window).microsoftTeams;

run(async (tab) => {
  const answer = await tab.api('/tab/api/places');
  const places = answer.ok ? answer.body.places : [];
  const inMeeting = Boolean(tab.context?.meeting?.id);
  if (!places.length) {
    show(
      tab.main,
      h('h1', {}, 'Set up the town board'),
      h(
        'p',
        { class: 'explanation' },
        answer.ok
          ? "A town's board is set up by one of its coordinators (or, for the ten towns side by side, a board member). Ask your town's coordinator to add this tab."
          : (answer.body?.error ?? 'Could not load your towns.'),
      ),
    );
    return;
  }
  const id = uid('town');
  /** @type {{town: string, name: string} | null} */
  let chosen = null;
  const choose = (/** @type {string} */ town) => {
    chosen = places.find((/** @type {any} */ p) => p.town === town) ?? null;
    if (tab.inTeams) teams().pages.config.setValidityState(Boolean(chosen));
    tab.say(chosen ? `${chosen.name} chosen: select Save.` : 'Choose a town.');
  };
  if (tab.inTeams)
    teams().pages.config.registerOnSaveHandler((/** @type {any} */ saveEvent) => {
      if (!chosen) return saveEvent.notifyFailure('Choose a town first');
      const page = inMeeting && chosen.town !== 'county' ? 'meeting' : 'board';
      const url = `${location.origin}/tab/${page}?town=${encodeURIComponent(chosen.town)}`;
      teams()
        .pages.config.setConfig({
          entityId: chosen.town,
          contentUrl: url,
          websiteUrl: url,
          suggestedDisplayName: `${chosen.name} board`,
        })
        .then(() => saveEvent.notifySuccess())
        .catch((/** @type {Error} */ e) => saveEvent.notifyFailure(e.message));
    });
  show(
    tab.main,
    h('h1', {}, 'Set up the town board'),
    h(
      'p',
      {},
      inMeeting
        ? "During the meeting the tab shows the town's agenda: what is due, what is blocked, and new actions proposed."
        : "The channel's tab shows the town's plan, its actions as a board and its charts.",
    ),
    h(
      'form',
      { class: 'control', onsubmit: (/** @type {Event} */ e) => e.preventDefault() },
      h('label', { for: id }, 'Which board?'),
      h(
        'select',
        {
          id,
          onchange: (/** @type {Event} */ e) => choose(/** @type {HTMLSelectElement} */ (e.target).value),
        },
        h('option', { value: '' }, 'Choose…'),
        ...places.map((/** @type {any} */ p) => h('option', { value: p.town }, p.name)),
      ),
    ),
  );
});
