// The page a locally booked meeting's join link opens. In Teams the link joins the online meeting; here it
// shows what Graph was asked to book and how to walk the rest of the meeting in Agents Playground.
const TIME_ZONE = 'Europe/London';

export function joinPage(event: Record<string, unknown> | null, botUrl: string): string {
  if (!event)
    return page(
      'No such meeting',
      '<p>The local Graph stand-in has no meeting with this link: it was cancelled, or booked in another local database.</p>',
    );
  const subject = typeof event['subject'] === 'string' ? event['subject'] : 'Meeting';
  const joinUrl = (event['onlineMeeting'] as { joinUrl?: string } | undefined)?.joinUrl ?? '';
  const agenda = textOf((event['body'] as { content?: string } | undefined)?.content ?? '');
  const who = (
    (event['attendees'] as { emailAddress?: { address?: string; name?: string } }[] | undefined) ?? []
  )
    .map((a) => a.emailAddress?.name ?? a.emailAddress?.address ?? '')
    .filter(Boolean);
  const activity = (name: string) =>
    escape(JSON.stringify({ type: 'event', name, value: { JoinUrl: joinUrl } }, null, 2));
  return page(
    subject,
    `<p class="note">A meeting booked against this machine's stand-in for Microsoft Graph. In Teams, this
link joins the online meeting; here there is no call to join, and everything else can be tried.</p>
<dl><dt>When</dt><dd>${escape(when(event))}</dd>
<dt>Invited</dt><dd>${escape(who.join(', ') || 'nobody else')}</dd>
<dt>Agenda</dt><dd>${escape(agenda || 'none given')}</dd></dl>
<h2>Walk the meeting</h2>
<ol>
<li>The side panel Teams shows in the meeting: <a href="${escape(botUrl)}/tab/help">the tabs</a> open in the
browser in local mode; the meeting's is <code>${escape(botUrl)}/tab/meeting?town=</code> followed by the town
(<a href="${escape(botUrl)}/tab/meeting?town=truro">Truro's</a>). It shows the meeting on now (from 15 minutes
before its start) with its agenda, and takes proposed actions.</li>
<li>Teams tells the bot when the meeting starts and ends. In Agents Playground, open the town's channel, choose
<strong>Mock an Activity</strong>, then <strong>Custom activity</strong>, and send the template with these
fields: the start brings the agenda card, the end the outcomes (the proposals to confirm).
<pre>${activity('application/vnd.microsoft.meetingStart')}</pre>
<pre>${activity('application/vnd.microsoft.meetingEnd')}</pre></li>
</ol>`,
  );
}

function when(event: Record<string, unknown>): string {
  const at = (key: string) => {
    const value = (event[key] as { dateTime?: string } | undefined)?.dateTime;
    return value ? new Date(`${value.replace(/Z$/, '')}Z`) : null;
  };
  const start = at('start');
  const end = at('end');
  if (!start || Number.isNaN(start.getTime())) return 'not given';
  const day = start.toLocaleDateString('en-GB', { timeZone: TIME_ZONE, dateStyle: 'full' });
  const time = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: TIME_ZONE, timeStyle: 'short' });
  return `${day}, ${time(start)}${end && !Number.isNaN(end.getTime()) ? `–${time(end)}` : ''} (UK time)`;
}

/** The agenda the bot sent as HTML, as plain text. */
function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(p|li|div)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escape(title)}: local meeting</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
.note{background:#eef3fb;border-left:4px solid #2f5597;padding:.5rem 1rem}dt{font-weight:600}
dd{margin:0 0 .5rem;white-space:pre-line}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style>
</head><body><h1>${escape(title)}</h1>
${body}
</body></html>`;
}
