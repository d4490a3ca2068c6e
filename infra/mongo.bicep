// Azure DocumentDB (Cosmos DB for MongoDB vCore): MongoDB wire protocol, the features docs/DATABASE.md lists.
// Microsoft Entra sign-in only: there is no administrator password anywhere. The bot signs in as its
// managed identity (MONGODB-OIDC, src/identity/database-token.ts); DocumentDB gives an Entra principal the
// cluster's `root` role (the only role it offers one), so the connection string carries no credential at all.
param name string
param location string
@description('The bot\'s managed identity (its principal id): the one database user')
param identityPrincipalId string

resource cluster 'Microsoft.DocumentDB/mongoClusters@2025-09-01' = {
  name: '${name}-mongo'
  location: location
  properties: {
    authConfig: { allowedModes: ['MicrosoftEntraID'] }
    serverVersion: '7.0'
    compute: { tier: 'M30' }
    storage: { sizeGb: 32 }
    sharding: { shardCount: 1 }
    highAvailability: { targetMode: 'SameZone' }
    publicNetworkAccess: 'Enabled'
  }
}

resource botUser 'Microsoft.DocumentDB/mongoClusters/users@2025-09-01' = {
  parent: cluster
  name: identityPrincipalId
  properties: {
    identityProvider: { type: 'MicrosoftEntraID', properties: { principalType: 'ServicePrincipal' } }
    roles: [{ db: 'admin', role: 'root' }]
  }
}

// Reachable from Azure services (the bot's host). Not yet the app alone: that needs the host in a virtual
// network with a private endpoint to the cluster (docs/DEPLOY.md, "The database").
resource azureServices 'Microsoft.DocumentDB/mongoClusters/firewallRules@2025-09-01' = {
  parent: cluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

// The bot presents its Entra token (MONGODB_ENTRA_CLIENT_ID); the URI holds no credential.
output connectionString string = 'mongodb+srv://${cluster.name}.global.mongocluster.cosmos.azure.com/?tls=true&retrywrites=false&maxIdleTimeMS=120000'
