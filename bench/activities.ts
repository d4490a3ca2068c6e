// Bot Framework activities as Teams sends them, for the load generator: channel messages that @mention the
// bot, personal messages, and Action.Execute invokes.
import { randomUUID } from 'node:crypto';

export const TENANT = '00000000-0000-4000-8000-0000000000aa';
const BOT = { id: '28:bench-bot', name: 'Safer Towns' };

export interface Person {
  id: string;
  aadObjectId: string;
  name: string;
}

export const channelIdOf = (town: string) => `19:bench-${town}@thread.tacv2`;

export function channelMessage(
  serviceUrl: string,
  from: Person,
  town: string,
  text: string,
): Record<string, unknown> {
  const channelId = channelIdOf(town);
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: {
      id: `${channelId};messageid=${Date.now()}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
    },
    channelData: {
      teamsChannelId: channelId,
      teamsTeamId: '19:bench-team@thread.tacv2',
      channel: { id: channelId },
      team: { id: '19:bench-team@thread.tacv2' },
      tenant: { id: TENANT },
    },
    text: `<at>${BOT.name}</at> ${text}`,
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  };
}

export function personalMessage(serviceUrl: string, from: Person, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { id: `a:bench-${from.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    text,
  };
}

export function invoke(
  serviceUrl: string,
  from: Person,
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...personalMessage(serviceUrl, from, ''),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-activity',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The message extension's search ("Find an action"), as Teams sends it from the compose box. */
export function extensionQuery(serviceUrl: string, from: Person, text: string): Record<string, unknown> {
  return {
    ...personalMessage(serviceUrl, from, ''),
    type: 'invoke',
    name: 'composeExtension/query',
    value: {
      commandId: 'findAction',
      parameters: [{ name: 'query', value: text }],
      queryOptions: { skip: 0, count: 25 },
    },
  };
}
