// Azure DocumentDB (Cosmos DB for MongoDB vCore): MongoDB wire protocol, the features docs/DATABASE.md lists.
// Microsoft Entra sign-in only: there is no administrator password anywhere. The bot signs in as its
// managed identity (MONGODB-OIDC, src/identity/database-token.ts); DocumentDB gives an Entra principal the
// cluster's `root` role (the only role it offers one), so the connection string carries no credential at all.
// No public access: the bot reaches it over a private endpoint in its own network (network.bicep).
param name string
param location string
@description('The bot\'s managed identity (its principal id): the one database user')
param identityPrincipalId string
@description('The subnet the private endpoint goes in (network.bicep)')
param privateEndpointSubnetId string
@description('The private DNS zone privatelink.mongocluster.cosmos.azure.com, linked to the bot\'s network')
param privateDnsZoneId string

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
    // Reached over the private endpoint below only: no firewall rule opens it to any address.
    publicNetworkAccess: 'Disabled'
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

// The cluster's address in the bot's network; the zone group writes its records into the private zone.
resource privateEndpoint 'Microsoft.Network/privateEndpoints@2024-10-01' = {
  name: '${name}-mongo-pe'
  location: location
  properties: {
    subnet: { id: privateEndpointSubnetId }
    privateLinkServiceConnections: [
      { name: '${name}-mongo', properties: { privateLinkServiceId: cluster.id, groupIds: ['MongoCluster'] } }
    ]
  }
}

resource privateDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-10-01' = {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [{ name: 'mongocluster', properties: { privateDnsZoneId: privateDnsZoneId } }]
  }
}

// The bot presents its Entra token (MONGODB_ENTRA_CLIENT_ID); the URI holds no credential.
output connectionString string = 'mongodb+srv://${cluster.name}.global.mongocluster.cosmos.azure.com/?tls=true&retrywrites=false&maxIdleTimeMS=120000'
