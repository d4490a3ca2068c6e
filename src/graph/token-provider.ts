import { AppError } from '../errors.js';
import type { TokenCredential } from '@azure/identity';
import type { TokenProvider } from './client.js';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Application tokens for Graph, from the app's own identity (secret, certificate or managed identity). */
export function graphTokens(credential: TokenCredential): TokenProvider {
  return {
    async getAccessToken() {
      const token = await credential.getToken(GRAPH_SCOPE);
      if (!token) throw AppError.internal('no Graph token was issued');
      return token.token;
    },
  };
}
