// The baseline: a bare botbuilder + restify bot on the same machine and the same harness. It echoes a message
// and answers an Action.Execute invoke with a fixed card, touching no database. Every scenario's figures are
// also given as a ratio to this bot's, so they mean something on a noisy machine.
import restify from 'restify';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type TurnContext,
} from 'botbuilder';

const FIXED_CARD = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Done', wrap: true }],
};

class EchoBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  protected override onAdaptiveCardInvoke(_context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    return Promise.resolve({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: FIXED_CARD,
    });
  }
}

const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }),
);
const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'alive' });
  next();
});
server.listen(Number(process.env['PORT'] ?? 3979), '127.0.0.1');
