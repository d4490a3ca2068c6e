// The tabs' single sign-on on the bot's app registration, once the bot's host name is known: the
// application id URI Teams requires (api://<host>/<app id>) and the access_as_user scope, pre-authorised for
// the Teams clients. Graph's upsert by unique name changes only these properties of the app made before.
extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0'

param uniqueName string
param displayName string
param appId string
param hostName string

var scopeId = guid(appId, 'access_as_user')
// Teams' desktop and mobile client, and its web client: they ask for the tabs' token on the user's behalf.
var teamsClients = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']

resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: uniqueName
  displayName: displayName
  identifierUris: ['api://${hostName}/${appId}']
  api: {
    requestedAccessTokenVersion: 2
    oauth2PermissionScopes: [
      {
        id: scopeId
        value: 'access_as_user'
        type: 'User'
        isEnabled: true
        adminConsentDisplayName: 'Use Safer Towns as you'
        adminConsentDescription: 'Lets Teams open the Safer Towns tabs signed in as the user.'
        userConsentDisplayName: 'Use Safer Towns as you'
        userConsentDescription: 'Lets Teams open the Safer Towns tabs signed in as you.'
      }
    ]
    preAuthorizedApplications: [for client in teamsClients: { appId: client, delegatedPermissionIds: [scopeId] }]
  }
}
