import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

/** The Bot Framework adapter. With an app id every incoming token is checked (401 otherwise). */
export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
    MicrosoftAppType: config.MICROSOFT_APP_ID ? config.MICROSOFT_APP_TYPE : '',
  });
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
  return adapter;
}
