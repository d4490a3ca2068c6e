// The same log lines stdout carries, also sent as OpenTelemetry log records where telemetry is on, so a host
// that keeps no console output (or keeps it apart) still has them beside the traces: Application Insights'
// traces table, or an OTLP collector's logs. A pino stream rather than @opentelemetry/instrumentation-pino:
// that patches pino through a loader hook, which ES modules need set up before anything is imported.
import { logs, SeverityNumber, type AnyValueMap } from '@opentelemetry/api-logs';

/** pino's numeric levels, and the OpenTelemetry severity each maps to. */
const SEVERITY: Record<number, { number: SeverityNumber; text: string }> = {
  10: { number: SeverityNumber.TRACE, text: 'TRACE' },
  20: { number: SeverityNumber.DEBUG, text: 'DEBUG' },
  30: { number: SeverityNumber.INFO, text: 'INFO' },
  40: { number: SeverityNumber.WARN, text: 'WARN' },
  50: { number: SeverityNumber.ERROR, text: 'ERROR' },
  60: { number: SeverityNumber.FATAL, text: 'FATAL' },
};

/** pino's own fields, which become the record's body, time and severity rather than attributes. */
const OWN_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'trace_id', 'span_id']);

export interface LogLineStream {
  write(line: string): void;
}

/**
 * A destination for pino's JSON lines that emits each as a log record. The line is written inside the
 * logging call, so the record takes the active span's context: logs and traces of one turn join.
 */
export function openTelemetryLogStream(scope = 'safer-towns-bot'): LogLineStream {
  const logger = logs.getLogger(scope);
  return {
    write(line: string): void {
      const entry = parse(line);
      if (!entry) return;
      const severity = SEVERITY[typeof entry.level === 'number' ? entry.level : 30] ?? SEVERITY[30]!;
      logger.emit({
        timestamp: typeof entry.time === 'number' ? entry.time : Date.now(),
        severityNumber: severity.number,
        severityText: severity.text,
        body: typeof entry.msg === 'string' ? entry.msg : '',
        attributes: attributesOf(entry),
      });
    },
  };
}

function parse(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Top-level fields as attributes: numbers, strings and booleans as they are, anything nested as JSON. */
function attributesOf(entry: Record<string, unknown>): AnyValueMap {
  const attributes: AnyValueMap = {};
  for (const [key, value] of Object.entries(entry)) {
    if (OWN_FIELDS.has(key) || value === null || value === undefined) continue;
    attributes[key] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value);
  }
  return attributes;
}
