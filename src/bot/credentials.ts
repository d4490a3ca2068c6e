// The bot's own tokens, for its replies to the Bot Connector: from Microsoft Entra through @azure/identity,
// the library the Graph client already uses. The SDK's own factory cannot use an authority other than
// Microsoft's without reaching login.microsoftonline.com for instance discovery, so a sovereign cloud, or a
// test's local token endpoint, would not work.
import { AppError } from '../errors.js';
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { PUBLIC_AUTHORITY_HOST, type Config } from '../config.js';

type CredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;
type Request = Parameters<Credentials['signRequest']>[0];

/** Tokens for the app in `config`, for whatever audience the SDK asks (the Bot Connector's). */
export class EntraCredentialsFactory implements CredentialsFactory {
  private readonly credential: TokenCredential;

  constructor(private readonly config: Config & { MICROSOFT_APP_ID: string }) {
    const options = {
      authorityHost: config.ENTRA_AUTHORITY_HOST,
      // Instance discovery asks Microsoft's public cloud whether the authority is genuine.
      disableInstanceDiscovery: new URL(config.ENTRA_AUTHORITY_HOST).origin !== PUBLIC_AUTHORITY_HOST,
    };
    this.credential =
      config.MICROSOFT_APP_TYPE === 'UserAssignedMSI'
        ? new ManagedIdentityCredential({ clientId: config.MICROSOFT_APP_ID })
        : new ClientSecretCredential(
            // A multi-tenant bot gets its Bot Connector tokens from the Bot Framework's own tenant.
            config.MICROSOFT_APP_TYPE === 'MultiTenant'
              ? 'botframework.com'
              : config.MICROSOFT_APP_TENANT_ID!,
            config.MICROSOFT_APP_ID,
            config.MICROSOFT_APP_PASSWORD!,
            options,
          );
  }

  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId === this.config.MICROSOFT_APP_ID);
  }

  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }

  createCredentials(appId: string, audience: string | undefined): Promise<Credentials> {
    if (appId !== this.config.MICROSOFT_APP_ID) return Promise.reject(new Error('Invalid appId.'));
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
