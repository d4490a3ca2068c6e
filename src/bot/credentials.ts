// The bot's own tokens, for its replies to the Bot Connector: from Microsoft Entra through @azure/identity,
// the library the Graph client already uses. The SDK's own factory cannot use an authority other than
// Microsoft's without reaching login.microsoftonline.com for instance discovery, so a sovereign cloud, or a
// test's local token endpoint, would not work.
import { AppError } from '../errors.js';
import type { TokenCredential } from '@azure/identity';
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type CredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;
type Request = Parameters<Credentials['signRequest']>[0];

/** Tokens for the app `appId`, for whatever audience the SDK asks (the Bot Connector's). */
export class EntraCredentialsFactory implements CredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly credential: TokenCredential,
  ) {}

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId === this.appId);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }

  createCredentials(appId: string, audience: string | undefined): Promise<Credentials> {
    if (appId !== this.appId) return Promise.reject(new Error('Invalid appId.'));
    const scope = `${audience || 'https://api.botframework.com'}/.default`;
    const credential = this.credential;
    return Promise.resolve({
      // @azure/identity keeps the token until shortly before it expires.
      async signRequest(request: Request): Promise<Request> {
        const token = await credential.getToken(scope);
        if (!token) throw AppError.internal('Microsoft Entra issued no token for the Bot Connector');
        request.headers.set('authorization', `Bearer ${token.token}`);
        return request;
      },
    });
  }
}
