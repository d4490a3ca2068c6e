// The verb of the import preview's "Import" button: read the same file again and import it.
import { z } from 'zod';
import { townSlugSchema } from '../../domain/towns.js';
import { messageCard } from './outcome.js';
import { defineVerb } from './verb.js';

export const IMPORT_VERBS = [
  defineVerb({
    name: 'import.apply',
    input: z.object({
      town: townSlugSchema,
      downloadUrl: z.string().max(4000),
      name: z.string().max(300),
    }),
    run: ({ edge, actor }, data) =>
      edge.upload
        ? edge.upload.apply(actor, data)
        : Promise.resolve(
            messageCard(edge.cards, 'Import is not available here', 'Use npm run import on the server.'),
          ),
  }),
];
