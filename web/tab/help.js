// The personal tab "Help": what the bot understands (from its command registry) and what the tabs do.
import { h, show } from './dom.js';
import { config, run } from './host.js';

run(async (tab) => {
  show(
    tab.main,
    h('h1', {}, 'Help'),
    h(
      'p',
      {},
      'Safer Towns runs your town partnership from Teams: the delivery plan, its actions, meetings and problem-solving plans.',
    ),
    h('h2', {}, 'The tabs'),
    h(
      'ul',
      {},
      h(
        'li',
        {},
        'My actions: everything you own, by when it is due. Change a status, add a note or move a due date here, as on the card.',
      ),
      h(
        'li',
        {},
        "Town board: a town's plan as a board, with filters and charts. A coordinator adds it to the town's channel.",
      ),
      h(
        'li',
        {},
        'In a partnership meeting, the same tab shows what is due, what is blocked, and lets you propose new actions for the organiser to confirm.',
      ),
    ),
    h(
      'p',
      {},
      'Free text must not carry personal details of individuals (names, dates of birth, health, offending): refer to case-system IDs instead.',
    ),
    h('h2', {}, 'What you can say to the bot'),
    h(
      'dl',
      { class: 'commands' },
      ...(config.help ?? []).flatMap((c) => [
        h('dt', {}, h('code', {}, c.usage)),
        h('dd', {}, c.description),
      ]),
    ),
  );
});
