// Teams activity feed notifications (POST /users/{id}/teamwork/sendActivityNotification) and installing the
// app for a user who has not got it (POST /users/{id}/teamwork/installedApps), so the bot can reach them.
// Application permissions: TeamsActivity.Send; TeamsAppInstallation.ReadWriteSelfForUser.All.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { graphCall } from './errors.js';
import type { ActivityFeed, FeedNotification } from '../app/outward-ports.js';

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

export class GraphActivityFeed implements ActivityFeed {
  constructor(
    private readonly client: Client,
    private readonly teamsAppId: string,
  ) {}

  notify(userId: string, n: FeedNotification): Promise<void> {
    return graphCall('send the activity notification', 'TeamsActivity.Send', async () => {
      await this.client.api(`${user(userId)}/teamwork/sendActivityNotification`).post({
        topic: { source: 'text', value: n.topic, webUrl: n.webUrl },
        activityType: n.activityType,
        previewText: { content: n.preview.slice(0, 150) },
        templateParameters: Object.entries(n.templateParameters).map(([name, value]) => ({ name, value })),
      });
    });
  }

  /** Installs the bot for the user; 'already' when it was installed (409 Conflict). */
  installFor(userId: string): Promise<'installed' | 'already'> {
    return graphCall(
      'install the app for the user',
      'TeamsAppInstallation.ReadWriteSelfForUser.All',
      async () => {
        try {
          await this.client.api(`${user(userId)}/teamwork/installedApps`).post({
            'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${encodeURIComponent(this.teamsAppId)}`,
          });
          return 'installed';
        } catch (error) {
          if (error instanceof GraphError && error.statusCode === 409) return 'already';
          throw error;
        }
      },
    );
  }
}
