import { createWriteStream } from 'node:fs';
import type { CommandSucceededEvent, CommandFailedEvent, MongoClient } from 'mongodb';

/**
 * Profiling aid (MONGODB_COMMAND_LOG): one JSON line per database command with its collection and time, so
 * a slow turn can be taken apart command by command. Names and timings only, never the documents.
 */
export function logCommands(client: MongoClient, file: string): void {
  const out = createWriteStream(file, { flags: 'a' });
  const collections = new Map<number, string>();
  client.on('commandStarted', (e) => {
    const target = e.command[e.commandName] as unknown;
    collections.set(e.requestId, typeof target === 'string' ? target : '');
  });
  const write = (e: CommandSucceededEvent | CommandFailedEvent, ok: boolean) => {
    const collection = collections.get(e.requestId) ?? '';
    collections.delete(e.requestId);
    out.write(
      `${JSON.stringify({ at: Date.now(), command: e.commandName, collection, ms: e.duration, ok })}\n`,
    );
  };
  client.on('commandSucceeded', (e) => write(e, true));
  client.on('commandFailed', (e) => write(e, false));
}
