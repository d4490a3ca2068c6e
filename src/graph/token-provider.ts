import { AppError } from '../errors.js';
import type { TokenCredential } from '@azure/identity';
import { GRAPH_SCOPE } from '../config.js';
import type { TokenProvider } from './client.js';

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
