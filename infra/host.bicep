// Where the bot runs: App Service for Linux (Always On: the reminder sweep must keep running) or Container
// Apps (at least one replica, for the same reason). Secrets are Key Vault references read with the bot's
// user-assigned identity; nothing secret is a plain app setting.
param name string
param location string
@allowed(['appService', 'containerApps'])
param hosting string
param image string
@description('The registry the image is pulled from with the identity (myregistry.azurecr.io); empty: a public image')
param registryServer string
@description('containerApps: the most replicas')
param maxReplicas int
@description('A custom host name; empty: the host\'s own')
param publicHostName string
param identityId string
param identityClientId string
param vaultUri string
param logsId string
@description('The subnet the host\'s outbound traffic leaves by (network.bicep): the way to the database')
param appSubnetId string
@description('Settings as { name, value }')
param plainSettings array
@description('Settings as { name, secret }: the Key Vault secret holding the value')
param secretSettings array

var secretUri = '${vaultUri}secrets/'
var pullWithIdentity = !empty(registryServer)
// The bot's own address, for action links and the tabs (PUBLIC_BASE_URL): a custom host, or the platform's.
var appServiceHost = !empty(publicHostName) ? publicHostName : '${name}-app.azurewebsites.net'
var containerAppDefault = hosting == 'containerApps' ? '${name}-app.${environment!.properties.defaultDomain}' : ''
var containerAppHost = !empty(publicHostName) ? publicHostName : containerAppDefault

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
    // Outbound through the bot's network (all of it, so the database's private name resolves and routes).
    virtualNetworkSubnetId: appSubnetId
    vnetRouteAllEnabled: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      // A private registry is read with the bot's user-assigned identity (AcrPull), never an admin password.
      acrUseManagedIdentityCreds: pullWithIdentity
      acrUserManagedIdentityID: pullWithIdentity ? identityClientId : null
      alwaysOn: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(
        plainSettings,
        [{ name: 'PUBLIC_BASE_URL', value: 'https://${appServiceHost}' }],
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
    // In the bot's network, with a public ingress for Teams; the database answers only inside it.
    vnetConfiguration: { infrastructureSubnetId: appSubnetId, internal: false }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
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
    workloadProfileName: 'Consumption'
    configuration: {
      ingress: { external: true, targetPort: 3978, transport: 'http', allowInsecure: false }
      secrets: map(secretSettings, s => {
        name: s.secret
        keyVaultUrl: '${secretUri}${s.secret}'
        identity: identityId
      })
      registries: pullWithIdentity ? [{ server: registryServer, identity: identityId }] : []
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          resources: { cpu: json('1.0'), memory: '2Gi' }
          env: concat(
            plainSettings,
            [{ name: 'PUBLIC_BASE_URL', value: 'https://${containerAppHost}' }],
            map(secretSettings, s => { name: s.name, secretRef: s.secret })
          )
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: 3978 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 3978 }, periodSeconds: 15 }
          ]
        }
      ]
      // The reminder sweep runs inside the bot: scaling to zero would stop every reminder.
      scale: { minReplicas: 1, maxReplicas: maxReplicas }
      // Above the bot's own shutdown budget (25 s, src/main.ts): turns in flight finish, the sweep stops.
      terminationGracePeriodSeconds: 40
    }
  }
}

output hostName string = hosting == 'appService' ? site!.properties.defaultHostName : app!.properties.configuration.ingress.fqdn
