// Checks the JSON schema cannot make: that the manifest describes this bot. Its version is semver, its
// command lists are the command registry's menus (src/bot/commands) and every title is a command, and its activity types are exactly those the
// reminder code sends, with templates that use only the parameters the code fills.
import { parseCommand } from '../../src/bot/commands/parse.js';
import { manifestCommandLists, MENU_LIMIT } from '../../src/bot/commands/registry.js';
import { ACTIVITY_TYPES, FEED_TEMPLATE_PARAMETERS } from '../../src/bot/feed.js';
import { manifestExtensionCommands } from '../../src/bot/extension/registry.js';
import { checkTabs } from './tab-checks.js';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

export function checkAgainstBot(manifest: Json): string[] {
  return [
    ...checkVersion(manifest),
    ...checkCommands(manifest),
    ...checkActivities(manifest),
    ...checkIds(manifest),
    ...checkExtension(manifest),
    ...checkTabs(manifest),
  ];
}

function checkVersion(manifest: Json): string[] {
  const version = manifest['version'];
  return typeof version === 'string' && SEMVER.test(version)
    ? []
    : [`version: "${String(version)}" is not a semver version such as 1.4.0`];
}

function checkCommands(manifest: Json): string[] {
  const problems: string[] = [];
  list(manifest['bots']).forEach((bot, b) =>
    list(bot['commandLists']).forEach((commandList, l) => {
      const commands = list(commandList['commands']);
      if (commands.length > MENU_LIMIT)
        problems.push(`bots/${b}/commandLists/${l}: ${commands.length} commands; Teams shows ${MENU_LIMIT}`);
      commands.forEach((command, c) => {
        const title = command['title'];
        if (typeof title === 'string' && parseCommand(title).kind === 'unknown') {
          problems.push(`bots/${b}/commandLists/${l}/commands/${c}: the bot does not understand "${title}"`);
        }
      });
    }),
  );
  const want = JSON.stringify(manifestCommandLists());
  const have = JSON.stringify(list(manifest['bots'])[0]?.['commandLists'] ?? []);
  if (!problems.length && want !== have)
    problems.push(
      `bots/0/commandLists: not the command registry's menus (the entries' "menu" in src/bot/commands); they are ${want}`,
    );
  return problems;
}

function checkActivities(manifest: Json): string[] {
  const declared = list((manifest['activities'] as Json | undefined)?.['activityTypes']);
  const sent = new Set(Object.values(ACTIVITY_TYPES));
  const problems: string[] = [];
  for (const type of sent) {
    if (!declared.some((d) => d['type'] === type)) {
      problems.push(`activities.activityTypes: the bot sends "${type}", which is not declared`);
    }
  }
  declared.forEach((d, i) => {
    if (typeof d['type'] === 'string' && !sent.has(d['type'])) {
      problems.push(`activities/activityTypes/${i}: "${d['type']}" is declared but the bot never sends it`);
    }
    const template = typeof d['templateText'] === 'string' ? d['templateText'] : '';
    for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
      if (name !== 'actor' && !(FEED_TEMPLATE_PARAMETERS as readonly string[]).includes(name!)) {
        problems.push(
          `activities/activityTypes/${i}: templateText uses {${name}}, which the bot does not send`,
        );
      }
    }
  });
  return problems;
}

/** The bot sends activity feed notifications with its own Entra app, so the manifest must name that app. */
function checkIds(manifest: Json): string[] {
  const botId = list(manifest['bots'])[0]?.['botId'];
  const webAppId = (manifest['webApplicationInfo'] as Json | undefined)?.['id'];
  const problems: string[] = [];
  if (webAppId === undefined) problems.push('webApplicationInfo.id: needed for activity feed notifications');
  else if (botId !== webAppId)
    problems.push("webApplicationInfo.id: must be the bot's app id (bots/0/botId)");
  return problems;
}

/**
 * The message extension's commands are the registry's (src/bot/extension/registry.ts): a command the manifest
 * lists with no handler, or a handler the manifest does not list, is named; then every field must agree.
 */
function checkExtension(manifest: Json): string[] {
  const extensions = list(manifest['composeExtensions']);
  const botId = list(manifest['bots'])[0]?.['botId'];
  const problems: string[] = [];
  if (extensions.length !== 1) return ["composeExtensions: one message extension, the bot's, is expected"];
  const extension = extensions[0]!;
  if (extension['botId'] !== botId)
    problems.push("composeExtensions/0/botId: must be the bot's app id (bots/0/botId)");
  const listed = list(extension['commands']);
  const handled = manifestExtensionCommands();
  listed.forEach((command, i) => {
    if (!handled.some((h) => h['id'] === command['id']))
      problems.push(
        `composeExtensions/0/commands/${i}: "${String(command['id'])}" has no handler in src/bot/extension`,
      );
  });
  for (const command of handled)
    if (!listed.some((l) => l['id'] === command['id']))
      problems.push(
        `composeExtensions/0/commands: the bot handles "${String(command['id'])}", which is not listed`,
      );
  if (!problems.length && JSON.stringify(listed) !== JSON.stringify(handled))
    problems.push(
      `composeExtensions/0/commands: not the registry's entries (src/bot/extension/registry.ts); they are ${JSON.stringify(handled)}`,
    );
  const domains = list(extension['messageHandlers']).flatMap((h) =>
    h['type'] === 'link'
      ? (((h['value'] as Json | undefined)?.['domains'] as unknown[] | undefined) ?? [])
      : [],
  );
  const valid = Array.isArray(manifest['validDomains']) ? (manifest['validDomains'] as unknown[]) : [];
  if (!domains.length) problems.push('composeExtensions/0/messageHandlers: action links need a link handler');
  for (const domain of domains)
    if (!valid.includes(domain))
      problems.push(`validDomains: must include the link domain ${String(domain)}`);
  return problems;
}
