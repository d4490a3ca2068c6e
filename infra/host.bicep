// Where the bot runs: App Service for Linux (Always On: the reminder sweep must keep running) or Container
// Apps (at least one replica, for the same reason). Secrets are Key Vault references read with the bot's
// user-assigned identity; nothing secret is a plain app setting.
param name string
param location string
@allowed(['appService', 'containerApps'])
param hosting string
param image string
param identityId string
param vaultUri string
param logsId string
@description('Settings as { name, value }')
param plainSettings array
@description('Settings as { name, secret }: the Key Vault secret holding the value')
param secretSettings array

var secretUri = '${vaultUri}secrets/'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = if (hosting == 'appService') {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: 'P0v3' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2023-12-01' = if (hosting == 'appService') {
  name: '${name}-app'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      alwaysOn: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(
        plainSettings,
        map(secretSettings, s => { name: s.name, value: '@Microsoft.KeyVault(SecretUri=${secretUri}${s.secret})' }),
        [
          // For App Service itself, not the bot: the port the container listens on, and no shared storage.
          { name: 'WEBSITES_PORT', value: '3978' }
          { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
        ]
      )
    }
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = if (hosting == 'containerApps') {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: reference(logsId, '2023-09-01').customerId
        sharedKey: listKeys(logsId, '2023-09-01').primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = if (hosting == 'containerApps') {
  name: '${name}-app'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: { external: true, targetPort: 3978, transport: 'http', allowInsecure: false }
      secrets: map(secretSettings, s => {
        name: s.secret
        keyVaultUrl: '${secretUri}${s.secret}'
        identity: identityId
      })
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          resources: { cpu: json('1.0'), memory: '2Gi' }
          env: concat(
            plainSettings,
            map(secretSettings, s => { name: s.name, secretRef: s.secret })
          )
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: 3978 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 3978 }, periodSeconds: 15 }
          ]
        }
      ]
      // The reminder sweep runs inside the bot: scaling to zero would stop every reminder.
      scale: { minReplicas: 1, maxReplicas: 3 }
    }
  }
}

output hostName string = hosting == 'appService' ? site!.properties.defaultHostName : app!.properties.configuration.ingress.fqdn
