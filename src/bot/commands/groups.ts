// Commands about task-and-finish groups: the town's groups and a new one.
import { listTaskGroups } from '../../app/task-groups.js';
import { mayStart } from '../../app/forms.js';
import { viewSettings } from '../../app/read-models.js';
import { groupsCard } from '../../cards/group-views.js';
import { must } from '../replies.js';
import { groupForm } from '../verbs/groups.js';
import { defineCommand } from './command.js';
import { after, townOnly } from './read-text.js';

const NEW_GROUP = /^(new|create|start|set up) (task |task-and-finish )?group\b/;

export const GROUP_COMMANDS = [
  defineCommand({
    name: 'groups',
    usage: 'groups [town]',
    description: "The town's task-and-finish groups, their end dates and progress",
    audience: 'members',
    read: (text) => (/^(task )?groups\b/.test(text) ? { town: after(text, /^(task )?groups/) } : null),
    input: townOnly,
    run: async ({ edge, actor, town }, input) => {
      const slug = await town(input.town);
      const views = must(await listTaskGroups(edge.ctx, actor, slug));
      return edge.cards.render('groups', groupsCard(slug, views, viewSettings(edge.ctx).today));
    },
  }),
  defineCommand({
    name: 'new group',
    usage: 'new group [town]',
    description: 'Coordinators: set up a task-and-finish group',
    audience: 'coordinators',
    read: (text) => (NEW_GROUP.test(text) ? { town: after(text, NEW_GROUP) } : null),
    input: townOnly,
    run: async ({ edge, actor, town }, input) =>
      groupForm(edge, must(await mayStart(edge.ctx, actor, await town(input.town), 'group'))),
  }),
];
