// Azure DocumentDB (Cosmos DB for MongoDB vCore): MongoDB wire protocol, the features docs/DATABASE.md lists.
param name string
param location string
param admin string
@secure()
param password string

resource cluster 'Microsoft.DocumentDB/mongoClusters@2024-07-01' = {
  name: '${name}-mongo'
  location: location
  properties: {
    administrator: { userName: admin, password: password }
    serverVersion: '7.0'
    compute: { tier: 'M30' }
    storage: { sizeGb: 32 }
    sharding: { shardCount: 1 }
    highAvailability: { targetMode: 'SameZone' }
    publicNetworkAccess: 'Enabled'
  }
}

// Reachable from Azure services only (the bot's host); add your own rules for an operator's machine.
resource azureServices 'Microsoft.DocumentDB/mongoClusters/firewallRules@2024-07-01' = {
  parent: cluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

@secure()
output connectionString string = 'mongodb+srv://${admin}:${uriComponent(password)}@${cluster.name}.global.mongocluster.cosmos.azure.com/?tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000'
