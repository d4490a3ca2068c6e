import { AppError } from '../errors.js';
import { ClientSecretCredential } from '@azure/identity';
import { PUBLIC_AUTHORITY_HOST } from '../config.js';
import type { TokenProvider } from './client.js';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Application (client-credential) tokens for Graph, from the bot's Entra app registration. */
export function clientSecretTokens(
  tenantId: string,
  clientId: string,
  secret: string,
  authorityHost = PUBLIC_AUTHORITY_HOST,
): TokenProvider {
  const credential = new ClientSecretCredential(tenantId, clientId, secret, {
    authorityHost,
    disableInstanceDiscovery: new URL(authorityHost).origin !== PUBLIC_AUTHORITY_HOST,
  });
  return {
    async getAccessToken() {
      const token = await credential.getToken(GRAPH_SCOPE);
      if (!token) throw AppError.internal('no Graph token was issued');
      return token.token;
    },
  };
}
