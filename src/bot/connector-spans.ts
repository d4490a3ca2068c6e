// A span for each call the bot makes to the Bot Connector (send, update, delete), through the turn's own
// hooks: the SDK makes the call inside `next()`. An invoke's answer goes back in the HTTP response, not
// through the connector, so it gets none.
import type { TurnContext } from 'botbuilder';
import { inSpan, SpanKind } from '../telemetry/instruments.js';

export function traceConnectorCalls(context: TurnContext): void {
  context.onSendActivities((_context, activities, next) =>
    activities.every((a) => a.type === 'invokeResponse')
      ? next()
      : inSpan('bot_connector.send', { 'bot.activity.count': activities.length }, next, SpanKind.CLIENT),
  );
  context.onUpdateActivity((_context, _activity, next) =>
    inSpan('bot_connector.update', {}, next, SpanKind.CLIENT),
  );
  context.onDeleteActivity((_context, _reference, next) =>
    inSpan('bot_connector.delete', {}, next, SpanKind.CLIENT),
  );
}
