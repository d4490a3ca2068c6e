// Installs an OpenTelemetry SDK when the deployment asks for one, before anything records: Azure Monitor
// (Application Insights) when APPLICATIONINSIGHTS_CONNECTION_STRING is set, else any OTLP/HTTP collector when
// OTEL_EXPORTER_OTLP_ENDPOINT is. Off otherwise, and then not even loaded (the SDKs are megabytes of heap).
// Log lines go too (log-export.ts), as the same JSON stdout carries. No automatic instrumentation: the bot's own spans (instruments.ts) name its work in its own terms, and
// patching modules would need a loader hook for ES modules and could attach request bodies.
import type { Config } from '../config.js';
import { openTelemetryLogStream, type LogLineStream } from './log-export.js';

export interface Telemetry {
  /** Where traces and metrics go: 'off', 'azure-monitor' or 'otlp'. */
  destination: 'off' | 'azure-monitor' | 'otlp';
  /** Where the logger also writes its lines, when telemetry is on. */
  logs?: LogLineStream;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

type TelemetryConfig = Pick<
  Config,
  'APPLICATIONINSIGHTS_CONNECTION_STRING' | 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_METRIC_EXPORT_INTERVAL'
>;

const SERVICE = { 'service.name': 'safer-towns-bot', 'service.version': '0.1.0' };

export async function startTelemetry(config: TelemetryConfig): Promise<Telemetry> {
  if (config.APPLICATIONINSIGHTS_CONNECTION_STRING) {
    const [monitor, resource] = await Promise.all([import('@azure/monitor-opentelemetry'), resourceOf()]);
    const off = { enabled: false };
    monitor.useAzureMonitor({
      azureMonitorExporterOptions: { connectionString: config.APPLICATIONINSIGHTS_CONNECTION_STRING },
      resource,
      enableLiveMetrics: false,
      // Every trace: a partnership bot's few turns a second are cheap to keep, and the distro's default
      // rate-limited sampler dropped the first turns of a quiet instance (seen in test/integration/telemetry).
      samplingRatio: 1,
      tracesPerSecond: 0,
      instrumentationOptions: {
        azureSdk: off,
        http: off,
        mongoDb: off,
        mySql: off,
        postgreSql: off,
        redis: off,
        redis4: off,
        bunyan: off,
        winston: off,
      },
    });
    return {
      destination: 'azure-monitor',
      logs: openTelemetryLogStream(),
      shutdown: () => monitor.shutdownAzureMonitor(),
    };
  }
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const base = config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '');
    const [
      { NodeSDK },
      { OTLPTraceExporter },
      { OTLPMetricExporter },
      { PeriodicExportingMetricReader },
      { OTLPLogExporter },
      { BatchLogRecordProcessor },
      resource,
    ] = await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/exporter-metrics-otlp-http'),
      import('@opentelemetry/sdk-metrics'),
      import('@opentelemetry/exporter-logs-otlp-http'),
      import('@opentelemetry/sdk-logs'),
      resourceOf(),
    ]);
    const sdk = new NodeSDK({
      resource,
      traceExporter: new OTLPTraceExporter({ url: `${base}/v1/traces` }),
      metricReaders: [
        new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics` }),
          exportIntervalMillis: config.OTEL_METRIC_EXPORT_INTERVAL,
        }),
      ],
      logRecordProcessors: [
        new BatchLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${base}/v1/logs` }) }),
      ],
      instrumentations: [],
    });
    sdk.start();
    return { destination: 'otlp', logs: openTelemetryLogStream(), shutdown: () => sdk.shutdown() };
  }
  return { destination: 'off', shutdown: () => Promise.resolve() };
}

async function resourceOf() {
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  return resourceFromAttributes(SERVICE);
}
