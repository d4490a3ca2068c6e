// The shape an incoming Bot Framework activity must have before the SDK sees it. The SDK itself checks
// almost nothing, and throws (a 500) on some malformed bodies; here they get a specific 400.
import { z } from 'zod';

const account = z.looseObject({
  id: z.string().min(1).max(256),
  name: z.string().max(256).optional(),
  aadObjectId: z.string().max(128).optional(),
});

const members = z.array(account).max(1_000).optional();

/** What the SDK reads of a card's Action.Execute without checking: its absence would throw inside it. */
const cardActionValue = z.looseObject({
  action: z.looseObject({
    type: z.string().max(64),
    verb: z.string().max(256).optional(),
    data: z.unknown().optional(),
  }),
});

const activityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(512),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1).max(512),
    tenantId: z.string().max(128).optional(),
    conversationType: z.string().max(64).optional(),
    isGroup: z.boolean().optional(),
  }),
  text: z.string().max(28_000).optional(),
  name: z.string().max(256).optional(),
  replyToId: z.string().max(256).optional(),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string().max(128) }).optional(),
      team: z.looseObject({ id: z.string().max(512) }).optional(),
      channel: z.looseObject({ id: z.string().max(512) }).optional(),
    })
    .optional(),
  membersAdded: members,
  membersRemoved: members,
});

export const activitySchema = activityShape.superRefine((activity, ctx) => {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return;
  const value = cardActionValue.safeParse(activity['value']);
  if (!value.success)
    for (const issue of value.error.issues)
      ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
});

export type IncomingActivity = z.infer<typeof activitySchema>;

export function tenantIdOf(activity: IncomingActivity): string | null {
  return (activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? null)?.toLowerCase() ?? null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopback(serviceUrl: string): boolean {
  return LOOPBACK.has(new URL(serviceUrl).hostname);
}
