// The message extension's commands: one entry each, from which the manifest's composeExtensions commands are
// made (and checked by `npm run package`) and by which invokes find their handler. Adding one: an entry here
// with its handler; the manifest then needs the entry this file gives it.
import { findActions } from './search.js';
import { MESSAGE_COMMANDS } from './from-message.js';

interface Parameter {
  readonly name: string;
  readonly title: string;
  readonly description: string;
}

interface CommandBase {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly context: readonly ('compose' | 'commandBox' | 'message')[];
}

export type ExtensionCommand =
  | (CommandBase & {
      readonly type: 'query';
      readonly parameters: readonly Parameter[];
      readonly run: typeof findActions;
    })
  | (CommandBase & {
      readonly type: 'action';
      readonly fromMessage: (typeof MESSAGE_COMMANDS)[keyof typeof MESSAGE_COMMANDS];
    });

export const EXTENSION_COMMANDS: readonly ExtensionCommand[] = [
  {
    id: 'findAction',
    type: 'query',
    title: 'Find an action',
    description: "Find one of your towns' actions and share its live card",
    context: ['compose', 'commandBox'],
    parameters: [
      {
        name: 'query',
        title: 'Ref, words, owner, town, status',
        description: 'TRU-014, "street drinking", "blocked Truro"... Empty: your open actions',
      },
    ],
    run: findActions,
  },
  {
    id: 'createAction',
    type: 'action',
    title: 'Create a Safer Towns action',
    description: 'Turn this message into a delivery plan action (from the compose box: a blank one)',
    context: ['message', 'compose'],
    fromMessage: MESSAGE_COMMANDS.createAction,
  },
  {
    id: 'addNote',
    type: 'action',
    title: 'Add as a progress note',
    description: 'Add this message as a progress note to one of your actions',
    context: ['message'],
    fromMessage: MESSAGE_COMMANDS.addNote,
  },
];

export const extensionCommand = (id: string) => EXTENSION_COMMANDS.find((c) => c.id === id);

/** The manifest's composeExtensions[0].commands, as this registry makes them. */
export function manifestExtensionCommands(): Record<string, unknown>[] {
  return EXTENSION_COMMANDS.map((c) => ({
    id: c.id,
    type: c.type,
    title: c.title,
    description: c.description,
    context: [...c.context],
    ...(c.type === 'query'
      ? {
          initialRun: true,
          parameters: c.parameters.map((p) => ({ ...p, inputType: 'text' })),
        }
      : { fetchTask: true }),
  }));
}
