// "profile": a town's profile from police.uk open data (crime and anti-social behaviour by type, trend,
// streets, repeat locations, the town beside the others).
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.js';
import { profileOf } from '../../app/town-profile.js';
import { PlanUpload } from '../plan-upload.js';
import { profileCard } from '../../cards/profile-views.js';
import { must } from '../replies.js';
import { defineCommand } from './command.js';
import { optionalTown, townOnly } from './read-text.js';

const CRIME_HOW =
  'In a 1:1 chat with me, attach a police.uk street-level file (YYYY-MM-<force>-street.csv, from data.police.uk) and send "crime data". Larger imports: npm run crime-data -- import on the server.';
const AREA_HOW =
  'Board members, 1:1: "area Truro" with a .geojson file attached, or "area Truro E01018899 E01018900 ..." with the LSOA codes.';

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
  defineCommand({
    name: 'crime data',
    usage: 'crime data + an attached street-level .csv',
    description: 'Coordinators and the board, 1:1: a month of police.uk data, checked in full, then imported',
    audience: 'coordinators',
    where: { in: ['personal'], otherwise: CRIME_HOW },
    read: (_text, [first, second]) => (first === 'crime' && second === 'data' ? {} : null),
    input: z.object({}),
    run: async ({ context, edge, actor }) => {
      const file = PlanUpload.fileOf(context.activity.attachments);
      if (!file || !edge.evidence) throw new AppError(ErrorCode.Validation, CRIME_HOW);
      return edge.evidence.crimeData(actor, file, true);
    },
  }),
  defineCommand({
    name: 'area',
    usage: 'area {town} + a .geojson, or LSOA codes',
    description: "The board, 1:1: redraw the area a town's profile counts",
    audience: 'board',
    where: { in: ['personal'], otherwise: AREA_HOW },
    read: (text, [first]) => {
      if (first !== 'area') return null;
      const rest = text.trim().split(/\s+/).slice(1);
      const at = rest.findIndex((w) => /^[EWN]\d{8}$/i.test(w.replace(/,$/, '')));
      const words = at < 0 ? rest : rest.slice(0, at);
      return {
        town: words.join(' ') || undefined,
        codes: at < 0 ? '' : rest.slice(at).join(' ').toUpperCase(),
      };
    },
    input: z.object({ town: optionalTown, codes: z.string().max(40_000) }),
    run: async ({ context, edge, actor, town }, input) => {
      const file = PlanUpload.fileOf(context.activity.attachments);
      if ((!file && !input.codes) || !edge.evidence) throw new AppError(ErrorCode.Validation, AREA_HOW);
      return edge.evidence.area(actor, await town(input.town), file, input.codes);
    },
  }),
];
