// The bot's Entra app registration with no secret: its credential is the bot's user-assigned managed identity
// (a federated identity credential), so replies, Graph, the tabs' single sign-on (the access_as_user scope)
// and resource-specific consent all work, and nothing can leak. Made with the Microsoft Graph Bicep
// extension (generally available as 1.0.0): the deployer needs Application.ReadWrite.All in the tenant (or
// Cloud Application Administrator). Graph's application permissions are listed here for an administrator to
// consent to (docs/DEPLOY.md, step 2); this template grants none itself.
extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0'

@description('Short name used in every resource name')
param name string
@description('The managed identity whose tokens are the app\'s credential (its principal id)')
param identityPrincipalId string

var graphAppId = '00000003-0000-0000-c000-000000000000'
// Microsoft Graph's application roles the bot uses, by their published ids: Calendars.ReadWrite (meetings),
// TeamsAppInstallation.ReadWriteSelfForUser.All (reaching a new owner 1:1), TeamsActivity.Send (the feed).
var graphRoles = [
  'ef54d2bf-783f-4e0f-bca1-3210c0444d99'
  '908de74d-f8b2-4d6b-a9ed-2a17b3b78179'
  'a267235f-af13-44dc-8385-c1dc93023186'
]

resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: '${name}-bot'
  displayName: 'Safer Towns (${name})'
  signInAudience: 'AzureADMyOrg'
  requiredResourceAccess: [
    {
      resourceAppId: graphAppId
      resourceAccess: [for role in graphRoles: { id: role, type: 'Role' }]
    }
  ]

  resource managedIdentityCredential 'federatedIdentityCredentials@v1.0' = {
    name: '${app.uniqueName}/bot-managed-identity'
    description: 'The bot\'s user-assigned managed identity is this app\'s credential: no secret'
    audiences: ['api://AzureADTokenExchange']
    issuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
    subject: identityPrincipalId
  }
}

resource servicePrincipal 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: app.appId
}

output appId string = app.appId
output uniqueName string = app.uniqueName
output displayName string = app.displayName
