// The database's Microsoft Entra sign-in (Azure DocumentDB): the bot's managed identity asks the platform's
// identity endpoint for a token for the database's resource, and the driver presents it (MONGODB-OIDC). The
// driver's own Azure support reads the VM's instance metadata service, which App Service and Container Apps do
// not offer; @azure/identity reaches whichever endpoint the platform provides.
import { ManagedIdentityCredential } from '@azure/identity';
import type { Config } from '../config.js';

/** A token for the database, got afresh whenever the driver asks (it asks again before the last expires). */
type DatabaseToken = () => Promise<{ accessToken: string; expiresInSeconds: number }>;

export function databaseToken(
  config: Pick<Config, 'MONGODB_ENTRA_CLIENT_ID' | 'MONGODB_ENTRA_RESOURCE'>,
): DatabaseToken | undefined {
  if (!config.MONGODB_ENTRA_CLIENT_ID) return undefined;
  const credential = new ManagedIdentityCredential({ clientId: config.MONGODB_ENTRA_CLIENT_ID });
  const scope = `${config.MONGODB_ENTRA_RESOURCE.replace(/\/+$/, '')}/.default`;
  return async () => {
    const token = await credential.getToken(scope);
    return {
      accessToken: token.token,
      expiresInSeconds: Math.max(0, Math.floor((token.expiresOnTimestamp - Date.now()) / 1000)),
    };
  };
}
