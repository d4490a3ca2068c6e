// What is watched, and who is told: the host's console and HTTP logs and Key Vault's audit to Log Analytics,
// and four alert rules on what the bot's telemetry (src/telemetry/instruments.ts) and its host report. Each
// alert's meaning and what to do about it: docs/DEPLOY.md, "Alerts".
param name string
param location string
@allowed(['appService', 'containerApps'])
param hosting string
param logsId string
param vaultName string
@description('Who is e-mailed when an alert fires; empty: alerts show in the portal only')
param alertEmail string
@description('Seconds between reminder sweeps (REMINDER_SWEEP_SECONDS): no sweep for two of them is an alert')
param sweepSeconds int

resource site 'Microsoft.Web/sites@2023-12-01' existing = if (hosting == 'appService') {
  name: '${name}-app'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

// App Service keeps its container's stdout (the bot's JSON log lines) only if told where to send it.
resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (hosting == 'appService') {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logsId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

// Who read which secret, when: the audit a data-protection officer asks for.
resource vaultAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logsId
    logs: [{ category: 'AuditEvent', enabled: true }]
  }
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${name}-operators'
  location: 'global'
  properties: {
    groupShortName: 'safertowns'
    enabled: true
    emailReceivers: [{ name: 'operators', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

// Twice the sweep interval, in whole minutes, at least the 15 minutes a log alert can look back reliably.
var sweepWindowMinutes = max(15, (2 * sweepSeconds) / 60)
// App Service's health check calls /readyz (its HTTP log has each answer); Container Apps logs failed probes.
var probeOnAppService = 'AppServiceHTTPLogs | where CsUriStem == "/readyz" and ScStatus >= 500 | summarize failing = count()'
var probeOnContainerApps = 'ContainerAppSystemLogs_CL | where Log_s has "Readiness probe failed" | summarize failing = count()'
var probeQuery = hosting == 'appService' ? probeOnAppService : probeOnContainerApps

var rules = [
  {
    id: 'sweep-stopped'
    title: 'Reminder sweep stopped'
    severity: 1
    window: 'PT${sweepWindowMinutes}M'
    query: 'AppMetrics | where Name == "safer_towns.sweep.duration" | summarize runs = count()'
    measure: 'runs'
    operator: 'LessThan'
    threshold: 1
  }
  {
    id: 'reminders-failing'
    title: 'Reminders failing'
    severity: 2
    window: 'PT1H'
    query: 'AppMetrics | where Name == "safer_towns.reminders" and tostring(Properties.outcome) == "failed" | summarize failed = sum(Sum)'
    measure: 'failed'
    operator: 'GreaterThan'
    threshold: 10
  }
  {
    id: 'turns-failing'
    title: 'Turns answered with a server error'
    severity: 2
    window: 'PT15M'
    query: 'AppRequests | where Name == "bot.turn" and Success == false | summarize errors = count()'
    measure: 'errors'
    operator: 'GreaterThan'
    threshold: 5
  }
  {
    id: 'not-ready'
    title: 'Readiness probe failing'
    severity: 1
    window: 'PT15M'
    query: probeQuery
    measure: 'failing'
    operator: 'GreaterThan'
    threshold: 2
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: '${name}-${rule.id}'
    location: location
    kind: 'LogAlert'
    properties: {
      displayName: 'Safer Towns: ${rule.title}'
      description: 'docs/DEPLOY.md, Alerts: ${rule.title}'
      severity: rule.severity
      enabled: true
      scopes: [logsId]
      evaluationFrequency: 'PT5M'
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Total'
            metricMeasureColumn: rule.measure
            operator: rule.operator
            threshold: rule.threshold
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      actions: { actionGroups: empty(alertEmail) ? [] : [operators!.id] }
    }
  }
]
