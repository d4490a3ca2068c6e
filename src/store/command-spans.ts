// A span for each database command, from the driver's own command monitoring (no patching): named by the
// command and carrying the collection, never the command's filter or documents (they hold what people typed).
import type { MongoClient } from 'mongodb';
import { SpanStatusCode, startClientSpan } from '../telemetry/instruments.js';

export function traceCommands(client: MongoClient): void {
  const open = new Map<number, ReturnType<typeof startClientSpan>>();
  client.on('commandStarted', (event) => {
    const collection = event.command[event.commandName] as unknown;
    open.set(
      event.requestId,
      startClientSpan(`mongodb.${event.commandName}`, {
        'db.system.name': 'mongodb',
        'db.namespace': event.databaseName,
        'db.operation.name': event.commandName,
        ...(typeof collection === 'string' && { 'db.collection.name': collection }),
      }),
    );
  });
  client.on('commandSucceeded', (event) => {
    open.get(event.requestId)?.end();
    open.delete(event.requestId);
  });
  client.on('commandFailed', (event) => {
    const span = open.get(event.requestId);
    open.delete(event.requestId);
    span?.setStatus({ code: SpanStatusCode.ERROR, message: event.failure.name });
    span?.end();
  });
}
