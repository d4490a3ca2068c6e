// Safer Towns bot on Azure: the bot's identity, its host (App Service for Linux with Always On, or Container
// Apps with at least one replica: the reminder sweep runs inside the bot) in a virtual network of its own, Key
// Vault for every secret, logs in Log Analytics with Application Insights, and MongoDB (Azure DocumentDB
// reached over a private endpoint, or a connection string you bring).
// docs/DEPLOY.md walks through `az deployment group create`; test/unit/infra.test.ts holds the app settings
// below to the bot's configuration schema (src/config.ts).
targetScope = 'resourceGroup'

@description('Short name used in every resource name, e.g. safertowns-cornwall')
@minLength(3)
@maxLength(20)
param name string

param location string = resourceGroup().location

@description('appService: App Service for Linux (Always On); containerApps: Azure Container Apps (min 1 replica)')
@allowed(['appService', 'containerApps'])
param hosting string = 'appService'

@description('The container image, e.g. myregistry.azurecr.io/safer-towns-bot:1.4.0 (built from the repo Dockerfile)')
param image string

@description('The Azure Container Registry the image is in (its name, e.g. myregistry), pulled with the bot\'s own identity (it is given AcrPull there); empty: the image is public')
param registryName string = ''

@description('The resource group of that registry, when it is not this one')
param registryResourceGroup string = resourceGroup().name

@description('Where the Azure Bot resource keeps and processes its data: westeurope keeps it in the EU (regional bot, docs/DEPLOY.md); global has no residency')
@allowed(['westeurope', 'global', 'centralindia'])
param botRegion string = 'westeurope'

@description('containerApps only: the most replicas it scales out to. Teams allows 50 proactive sends a second per app per tenant in all, so each replica is given its share (TEAMS_TENANT_RPS)')
@minValue(1)
@maxValue(10)
param maxReplicas int = 3

@description('AppWithManagedIdentity (recommended): this template makes the app registration, whose credential is the managed identity below: no secret, every feature; SingleTenant: your app registration with a client secret (in Key Vault); UserAssignedMSI: the managed identity is the bot, no secret, but no tabs sign-in and no activity feed (docs/DEPLOY.md)')
@allowed(['AppWithManagedIdentity', 'SingleTenant', 'UserAssignedMSI'])
param botIdentity string = 'AppWithManagedIdentity'

@description('SingleTenant only: the app registration (client) id')
param appRegistrationId string = ''

@secure()
@description('SingleTenant only: the app registration client secret')
param appRegistrationSecret string = ''

@description('Your Microsoft Entra tenant id (activities from any other tenant are refused)')
param tenantId string = subscription().tenantId

@description('documentdb: create an Azure DocumentDB (Cosmos DB for MongoDB vCore) cluster; external: bring a connection string (Atlas, your own MongoDB)')
@allowed(['documentdb', 'external'])
param database string = 'documentdb'

@secure()
@description('external only: the MongoDB connection string')
param mongoConnectionString string = ''

@description('The database name inside the server')
param databaseName string = 'safer_towns'

@description('The app id of the Teams app in your org catalogue (after uploading the package); empty until then')
param teamsAppCatalogId string = ''

@description('Your SharePoint host (contoso.sharepoint.com), for evidence links on progress notes; empty: none')
param sharePointHost string = ''

@description('Hours and days reminders are sent, in Europe/London')
param reminderHours string = '8-18'

@description('Who is e-mailed when an alert fires (a shared mailbox of the IT team); empty: alerts show in the portal only')
param alertEmail string = ''

@description('The bot\'s public host, when it has a custom domain (safertowns.example.gov.uk). Empty: the host\'s own (App Service\'s or the container app\'s). Action links are https://<host>/actions/TRU-014.')
param publicHostName string = ''

var msi = botIdentity == 'UserAssignedMSI'
var federated = botIdentity == 'AppWithManagedIdentity'
// The Bot Connector and the bot's settings see an app registration as SingleTenant, however it proves itself.
var appType = msi ? 'UserAssignedMSI' : 'SingleTenant'
var suffix = uniqueString(resourceGroup().id, name)
// Teams' limit is 50 a second per app per tenant; 40 leaves room for the bot's replies to turns. App Service
// runs one instance (Always On); Container Apps up to maxReplicas, each given its share.
var instances = hosting == 'appService' ? 1 : maxReplicas
var tenantRpsEach = max(1, 40 / instances)
// The reminder sweep's interval, set here so the alert on a stopped sweep knows it.
var sweepSeconds = 300

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 90 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${name}-${suffix}', 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

// The bot's identity pulls the image from the registry (AcrPull), when the image is not public.
module registryPull 'registry-pull.bicep' = if (!empty(registryName)) {
  name: 'registry-pull'
  scope: resourceGroup(registryResourceGroup)
  params: { registryName: registryName, principalId: identity.properties.principalId }
}

// The bot's identity reads its secrets and nothing else.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, 'secrets-user')
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

// The host's outbound subnet and the database's private endpoint (the cluster takes no internet traffic).
module network 'network.bicep' = {
  name: 'network'
  params: { name: name, location: location, hosting: hosting }
}

module mongo 'mongo.bicep' = if (database == 'documentdb') {
  name: 'mongo'
  params: {
    name: name
    location: location
    identityPrincipalId: identity.properties.principalId
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    privateDnsZoneId: network.outputs.mongoZoneId
  }
}

resource mongoSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mongodb-uri'
  properties: { value: database == 'documentdb' ? mongo!.outputs.connectionString : mongoConnectionString }
}

resource appSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (botIdentity == 'SingleTenant') {
  parent: vault
  name: 'microsoft-app-password'
  properties: { value: appRegistrationSecret }
}

// The app registration, made here with the managed identity as its credential (AppWithManagedIdentity).
module appRegistration 'app-registration.bicep' = if (federated) {
  name: 'app-registration'
  params: { name: name, identityPrincipalId: identity.properties.principalId }
}

var appId = msi ? identity.properties.clientId : (federated ? appRegistration!.outputs.appId : appRegistrationId)

// Every setting the bot reads, by name (src/config.ts); secrets come from Key Vault, never as plain values.
var plainSettings = [
  { name: 'NODE_ENV', value: 'production' }
  { name: 'PORT', value: '3978' }
  { name: 'MONGODB_DB', value: databaseName }
  { name: 'MICROSOFT_APP_ID', value: appId }
  { name: 'MICROSOFT_APP_TENANT_ID', value: tenantId }
  { name: 'MICROSOFT_APP_TYPE', value: appType }
  { name: 'MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID', value: federated ? identity.properties.clientId : '' }
  // DocumentDB: the bot signs in to the database as its managed identity (no password in MONGODB_URI).
  { name: 'MONGODB_ENTRA_CLIENT_ID', value: database == 'documentdb' ? identity.properties.clientId : '' }
  { name: 'ALLOWED_TENANT_IDS', value: tenantId }
  { name: 'TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
  { name: 'SHAREPOINT_HOST', value: sharePointHost }
  { name: 'TIMEZONE', value: 'Europe/London' }
  { name: 'REMINDER_HOURS', value: reminderHours }
  { name: 'LOG_LEVEL', value: 'info' }
  { name: 'TEAMS_TENANT_RPS', value: string(tenantRpsEach) }
  { name: 'REMINDER_SWEEP_SECONDS', value: string(sweepSeconds) }
  // Traces and metrics to this deployment's Application Insights (src/telemetry/start.ts).
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
]
var secretSettings = concat(
  [{ name: 'MONGODB_URI', secret: 'mongodb-uri' }],
  botIdentity == 'SingleTenant' ? [{ name: 'MICROSOFT_APP_PASSWORD', secret: 'microsoft-app-password' }] : []
)

module host 'host.bicep' = {
  name: 'host'
  dependsOn: [secretsUser, mongoSecret, appSecret, registryPull]
  params: {
    name: name
    location: location
    hosting: hosting
    image: image
    registryServer: empty(registryName) ? '' : '${registryName}.azurecr.io'
    maxReplicas: maxReplicas
    publicHostName: publicHostName
    identityId: identity.id
    identityClientId: identity.properties.clientId
    vaultUri: vault.properties.vaultUri
    logsId: logs.id
    appSubnetId: network.outputs.appSubnetId
    plainSettings: plainSettings
    secretSettings: secretSettings
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: botRegion
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Safer Towns'
    endpoint: 'https://${host.outputs.hostName}/api/messages'
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: msi ? identity.id : null
    developerAppInsightKey: insights.properties.InstrumentationKey
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botRegion
  properties: { channelName: 'MsTeamsChannel', properties: { isEnabled: true } }
}

// The tabs' single sign-on on the app registration, once the host's name is known.
module appSignIn 'app-sign-in.bicep' = if (federated) {
  name: 'app-sign-in'
  params: {
    uniqueName: appRegistration!.outputs.uniqueName
    displayName: appRegistration!.outputs.displayName
    appId: appId
    hostName: empty(publicHostName) ? host.outputs.hostName : publicHostName
  }
}

output botEndpoint string = bot.properties.endpoint
output botAppId string = appId
@description('The managed identity to grant Graph app roles to (docs/DEPLOY.md)')
output identityPrincipalId string = identity.properties.principalId

// Logs kept and alerts raised (docs/DEPLOY.md, "Alerts").
module monitoring 'monitoring.bicep' = {
  name: 'monitoring'
  dependsOn: [host]
  params: {
    name: name
    location: location
    hosting: hosting
    logsId: logs.id
    vaultName: vault.name
    alertEmail: alertEmail
    sweepSeconds: sweepSeconds
  }
}
