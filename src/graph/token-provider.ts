import { ClientSecretCredential } from '@azure/identity';
import type { TokenProvider } from './client.js';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Application (client-credential) tokens for Graph, from the bot's Entra app registration. */
export function clientSecretTokens(tenantId: string, clientId: string, secret: string): TokenProvider {
  const credential = new ClientSecretCredential(tenantId, clientId, secret);
  return {
    async getAccessToken() {
      const token = await credential.getToken(GRAPH_SCOPE);
      if (!token) throw new Error('no Graph token was issued');
      return token.token;
    },
  };
}
