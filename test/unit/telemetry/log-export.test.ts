// pino's lines as OpenTelemetry log records: severity, body and attributes as a collector expects them, and a
// line that is not JSON dropped rather than thrown into the logging call.
import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { openTelemetryLogStream } from '../../../src/telemetry/log-export.js';

const exporter = new InMemoryLogRecordExporter();
const provider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
logs.setGlobalLoggerProvider(provider);
afterAll(() => logs.disable());

describe('openTelemetryLogStream', () => {
  it('maps level, message and fields, redacted as stdout is', async () => {
    exporter.reset();
    const log = createLogger('info', openTelemetryLogStream('test'));
    log.warn(
      { town: 'truro', attempt: 2, retry: true, cause: { code: 'E1' }, uri: 'mongodb://u:p@h' },
      'send failed',
    );
    log.debug('below the level');
    await provider.forceFlush();
    const [record] = exporter.getFinishedLogRecords();
    expect(exporter.getFinishedLogRecords()).toHaveLength(1);
    expect(record!.severityNumber).toBe(SeverityNumber.WARN);
    expect(record!.severityText).toBe('WARN');
    expect(record!.body).toBe('send failed');
    expect(record!.attributes).toMatchObject({
      town: 'truro',
      attempt: 2,
      retry: true,
      cause: '{"code":"E1"}',
      service: 'safer-towns-bot',
    });
    expect(record!.attributes).not.toHaveProperty('msg');
    expect(JSON.stringify(record!.attributes)).not.toContain('u:p');
  });

  it('drops a line that is not JSON', async () => {
    exporter.reset();
    expect(() => openTelemetryLogStream('test').write('not json\n')).not.toThrow();
    await provider.forceFlush();
    expect(exporter.getFinishedLogRecords()).toHaveLength(0);
  });
});
