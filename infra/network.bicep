// The bot's private network: the host's outbound traffic goes through a subnet of it, and the database is
// reached over a private endpoint in another, with a private DNS zone that resolves the cluster's name to
// that endpoint inside this network only. The cluster itself takes no traffic from the internet (mongo.bicep).
param name string
param location string
@allowed(['appService', 'containerApps'])
param hosting string

// App Service's virtual network integration wants its subnet delegated to server farms; a Container Apps
// environment with workload profiles wants its own (at least /27; /23 leaves room to grow either way).
var appDelegation = hosting == 'appService' ? 'Microsoft.Web/serverFarms' : 'Microsoft.App/environments'

resource vnet 'Microsoft.Network/virtualNetworks@2024-10-01' = {
  name: '${name}-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.0.0/23'
          // The bot calls Teams, Entra and Graph on the internet. Said outright: from API 2025-07-01 new
          // subnets are private by default. A NAT gateway here gives fixed egress addresses (docs/DEPLOY.md).
          defaultOutboundAccess: true
          delegations: [{ name: 'app-host', properties: { serviceName: appDelegation } }]
        }
      }
      {
        name: 'private-endpoints'
        properties: { addressPrefix: '10.40.2.0/24', privateEndpointNetworkPolicies: 'Disabled' }
      }
    ]
  }
}

// DocumentDB's private link zone: the cluster's public name is a CNAME into it, so the connection string
// stays the same and, from inside this network, resolves to the private endpoint.
resource mongoZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.mongocluster.cosmos.azure.com'
  location: 'global'
}

resource mongoZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: mongoZone
  name: '${name}-vnet'
  location: 'global'
  properties: { registrationEnabled: false, virtualNetwork: { id: vnet.id } }
}

output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'app')
output privateEndpointSubnetId string = resourceId(
  'Microsoft.Network/virtualNetworks/subnets',
  vnet.name,
  'private-endpoints'
)
output mongoZoneId string = mongoZone.id
