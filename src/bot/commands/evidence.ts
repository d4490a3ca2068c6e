// "profile": a town's profile from police.uk open data (crime and anti-social behaviour by type, trend,
// streets, repeat locations, the town beside the others).
import { profileOf } from '../../app/town-profile.js';
import { profileCard } from '../../cards/profile-views.js';
import { must } from '../replies.js';
import { defineCommand } from './command.js';
import { townOnly } from './read-text.js';

export const EVIDENCE_COMMANDS = [
  defineCommand({
    name: 'profile',
    usage: 'profile [town]',
    description:
      'The town profile from police.uk: crime and ASB by type, the trend, streets, repeat locations',
    audience: 'members',
    read: (_text, [first, ...rest]) =>
      ['profile', 'evidence', 'crime'].includes(first!) && rest[0] !== 'data'
        ? { town: rest.join(' ') || undefined }
        : null,
    input: townOnly,
    run: async ({ edge, actor, town }, input) =>
      edge.cards.render(
        'profile',
        profileCard(must(await profileOf(edge.ctx, actor, await town(input.town)))),
      ),
  }),
];
