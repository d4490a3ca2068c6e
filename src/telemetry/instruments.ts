// The bot's spans and metrics, through the OpenTelemetry API: no-ops until src/telemetry/start.ts installs an
// SDK, so every part of the bot may record and none needs to know whether anyone listens. Attributes carry
// names from the bot's own registries (a command, a card verb, a collection), status codes and counts:
// never what someone typed, nor who they are.
import {
  context,
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Counter,
  type Histogram,
  type UpDownCounter,
} from '@opentelemetry/api';

const SCOPE = 'safer-towns-bot';
const tracer = () => trace.getTracer(SCOPE);

interface Instruments {
  cardActionDuration: Histogram;
  sweepDuration: Histogram;
  reminders: Counter;
  dispatcherQueue: UpDownCounter;
  throttled: Counter;
}

let made: Instruments | undefined;

/** Made on first use, after the SDK (if any) is installed: a meter got earlier would stay a no-op. */
export function instruments(): Instruments {
  if (made) return made;
  const meter = metrics.getMeter(SCOPE);
  made = {
    cardActionDuration: meter.createHistogram('safer_towns.card_action.duration', {
      description: 'Time to answer a card action (Action.Execute), by verb and outcome',
      unit: 'ms',
    }),
    sweepDuration: meter.createHistogram('safer_towns.sweep.duration', {
      description: 'Time one reminder sweep took',
      unit: 'ms',
    }),
    reminders: meter.createCounter('safer_towns.reminders', {
      description:
        'Reminders by outcome: sent, failed (to retry or unreachable) or deduplicated (claimed elsewhere)',
    }),
    dispatcherQueue: meter.createUpDownCounter('safer_towns.dispatcher.queue_depth', {
      description: 'Bot Connector sends waiting or in flight in the rate-limited dispatcher',
    }),
    throttled: meter.createCounter('safer_towns.bot_connector.throttled', {
      description: 'Bot Connector answers of 429 Too Many Requests',
    }),
  };
  return made;
}

/** Runs `work` in a span named `name`, recording an error as the span's status (the error is rethrown). */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number') span.setAttribute('http.response.status_code', status);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).name });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds attributes to the span in progress (a turn learns its command once it is parsed). */
export function describeCurrentSpan(attributes: Attributes): void {
  trace.getSpan(context.active())?.setAttributes(attributes);
}

/** A client span started now and ended by the caller (for work whose start and end are separate events). */
export function startClientSpan(name: string, attributes: Attributes) {
  return tracer().startSpan(name, { kind: SpanKind.CLIENT, attributes }, context.active());
}

/** The trace and span ids of the work in progress, for log lines; empty outside a span. */
export function traceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active());
  const ids = span?.spanContext();
  return ids && trace.isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : {};
}

export { SpanKind, SpanStatusCode };
