// The Import button of a police.uk file's dry run: the file read again from OneDrive and imported.
import { z } from 'zod';
import { messageCard } from './outcome.js';
import { defineVerb } from './verb.js';

export const EVIDENCE_VERBS = [
  defineVerb({
    name: 'crime.apply',
    input: z.object({ downloadUrl: z.string().max(4000), name: z.string().max(300) }),
    run: ({ edge, actor }, data) =>
      edge.evidence
        ? edge.evidence.crimeData(actor, data, false)
        : Promise.resolve(
            messageCard(
              edge.cards,
              'Import is not available here',
              'Use npm run crime-data -- import on the server.',
            ),
          ),
  }),
];
