import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { EntraCredentialsFactory } from './credentials.js';
import type { TokenCredential } from '@azure/identity';

/** Microsoft's public cloud, as the SDK's own defaults have them (spelled out because the issuer and key
 * set are configurable, and the SDK takes either all of these or none). */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: 'urn:botframework:azure',
  ValidateAuthority: true,
};

export interface BotAdapter {
  adapter: CloudAdapter;
  /** Checks an incoming activity's token; throws (an error with `statusCode` 401) when it is not valid. */
  authenticate: (activity: Activity, authorization: string) => Promise<void>;
}

/**
 * The Bot Framework adapter. With an app id every incoming token is checked (401 otherwise), and replies carry
 * tokens from `credential` (the app's identity, issued by its Bot Connector tenant).
 */
export function createAdapter(config: Config, credential: TokenCredential | null, log: Logger): BotAdapter {
  const appId = config.MICROSOFT_APP_ID;
  const auth =
    appId && credential
      ? new ConfigurationBotFrameworkAuthentication(
          {
            MicrosoftAppId: appId,
            MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
            MicrosoftAppType: config.MICROSOFT_APP_TYPE,
            ...PUBLIC_CLOUD,
            ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
            ToBotFromChannelTokenIssuer: config.BOT_TOKEN_ISSUER,
          },
          new EntraCredentialsFactory(appId, credential),
        )
      : // Local mode: no token checks, no tokens on replies (the server allows loopback service URLs only).
        new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' });
  const adapter = new CloudAdapter(auth);
  // The bot turns errors into cards itself; anything reaching here is a bug or a failed reply. Log it and
  // let the request finish normally: a 500 would make Teams retry the same activity.
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    log.error(
      { err: error, activityId: context.activity.id, type: context.activity.type },
      'unhandled error in a turn',
    );
    await Promise.resolve();
  };
  return {
    adapter,
    authenticate: async (activity, authorization) => {
      await auth.authenticateRequest(activity, authorization);
    },
  };
}
