// A town's public summary, for its page on the partnership's website: priorities, progress, events and
// "you said, we did". Built only from records marked public (actions a coordinator made public; the
// partnership's public events: the launch and engagement events), never with owners' names, and every
// line checked for personal data: a line that looks like it is left out, and counted.
import { tallyActions } from './action-tally.js';
import { STATUS_LABELS, type ActionHeadline } from './action.js';
import { detectPersonalData } from './personal-data.js';
import { townBySlug, type TownSlug } from './towns.js';
import type { LocalDate } from './dates.js';
import type { Meeting } from './meeting.js';
import type { Priority } from './priority.js';

export interface PublicSummary {
  town: string;
  asOf: LocalDate;
  priorities: { title: string; done: number; total: number; actions: string[] }[];
  progress: { done: number; inProgress: number; planned: number };
  events: { title: string; date: LocalDate; past: boolean }[];
  youSaidWeDid: { youSaid: string; weDid: string[] }[];
  /** Lines left out because they looked like personal data. */
  withheld: number;
}

const PUBLIC_EVENT_KINDS: readonly Meeting['kind'][] = ['inaugural', 'engagement_event'];

export function publicSummary(input: {
  town: TownSlug;
  asOf: LocalDate;
  now: Date;
  priorities: readonly Priority[];
  actions: readonly ActionHeadline[];
  meetings: readonly Meeting[];
}): PublicSummary {
  let withheld = 0;
  const safe = (text: string): boolean => {
    if (detectPersonalData(text).length === 0) return true;
    withheld++;
    return false;
  };
  // An action archived under the retention policy has no text left to show.
  const shown = input.actions.filter(
    (a) => a.public === true && a.status !== 'cancelled' && !a.redactedAt && safe(a.title),
  );
  const line = (a: ActionHeadline) => `${a.title}: ${STATUS_LABELS[a.status].toLowerCase()}`;
  const priorities = input.priorities
    .map((p) => {
      const mine = shown.filter((a) => a.priorityId === p.id);
      return { p, mine };
    })
    .filter(({ p, mine }) => mine.length > 0 && safe(p.title))
    .map(({ p, mine }) => {
      // The public page shows the public actions only, none cancelled, counted as everywhere else.
      const { done, counted } = tallyActions(mine, input.asOf);
      return { title: p.title, done, total: counted, actions: mine.map(line) };
    });
  const events = input.meetings
    .filter((m) => PUBLIC_EVENT_KINDS.includes(m.kind) && m.status === 'scheduled' && safe(m.title))
    .map((m) => ({
      title: m.title,
      date: m.start.slice(0, 10),
      past: Date.parse(m.start) < input.now.getTime(),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const youSaidWeDid = input.priorities
    .filter((p) => p.source === 'residents_survey')
    .map((p) => ({
      youSaid: p.title,
      weDid: shown.filter((a) => a.priorityId === p.id && a.status === 'done').map((a) => a.title),
    }))
    .filter((x) => x.weDid.length > 0 && priorities.some((p) => p.title === x.youSaid));
  const { byStatus } = tallyActions(shown, input.asOf);
  return {
    town: townBySlug(input.town).name,
    asOf: input.asOf,
    priorities,
    progress: {
      done: byStatus.done,
      inProgress: byStatus.in_progress + byStatus.blocked,
      planned: byStatus.not_started,
    },
    events,
    youSaidWeDid,
    withheld,
  };
}

export function publicMarkdown(s: PublicSummary): string {
  const out = [`# Safer ${s.town}`, '', `What the partnership is doing, as of ${s.asOf}.`, ''];
  out.push(
    '## Progress',
    '',
    `${s.progress.done} done, ${s.progress.inProgress} under way, ${s.progress.planned} planned.`,
    '',
  );
  if (s.priorities.length) {
    out.push('## Our priorities', '');
    for (const p of s.priorities) {
      out.push(`### ${md(p.title)}`, '', `${p.done} of ${p.total} done.`, '');
      for (const a of p.actions) out.push(`- ${md(a)}`);
      out.push('');
    }
  }
  if (s.youSaidWeDid.length) {
    out.push('## You said, we did', '');
    for (const y of s.youSaidWeDid) {
      out.push(`**You said:** ${md(y.youSaid)}`, '', `**We did:**`, '');
      for (const d of y.weDid) out.push(`- ${md(d)}`);
      out.push('');
    }
  }
  if (s.events.length) {
    out.push('## Events', '');
    for (const e of s.events) out.push(`- ${e.date}: ${md(e.title)}${e.past ? ' (held)' : ''}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function publicHtml(s: PublicSummary): string {
  const p: string[] = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Safer ${html(s.town)}</title></head>`,
    '<body>',
    `<h1>Safer ${html(s.town)}</h1>`,
    `<p>What the partnership is doing, as of <time datetime="${s.asOf}">${s.asOf}</time>.</p>`,
    '<h2>Progress</h2>',
    `<p>${s.progress.done} done, ${s.progress.inProgress} under way, ${s.progress.planned} planned.</p>`,
  ];
  if (s.priorities.length) {
    p.push('<h2>Our priorities</h2>');
    for (const pr of s.priorities) {
      p.push(`<h3>${html(pr.title)}</h3>`, `<p>${pr.done} of ${pr.total} done.</p>`, '<ul>');
      for (const a of pr.actions) p.push(`<li>${html(a)}</li>`);
      p.push('</ul>');
    }
  }
  if (s.youSaidWeDid.length) {
    p.push('<h2>You said, we did</h2>');
    for (const y of s.youSaidWeDid) {
      p.push(
        `<p><strong>You said:</strong> ${html(y.youSaid)}</p>`,
        '<p><strong>We did:</strong></p>',
        '<ul>',
      );
      for (const d of y.weDid) p.push(`<li>${html(d)}</li>`);
      p.push('</ul>');
    }
  }
  if (s.events.length) {
    p.push('<h2>Events</h2>', '<ul>');
    for (const e of s.events)
      p.push(
        `<li><time datetime="${e.date}">${e.date}</time>: ${html(e.title)}${e.past ? ' (held)' : ''}</li>`,
      );
    p.push('</ul>');
  }
  p.push('</body>', '</html>');
  return `${p.join('\n')}\n`;
}

/** Text as Markdown shows it, not as Markdown syntax (a title like "*urgent*" stays literal). */
const md = (text: string) => text.replace(/([\\`*_{}[\]()<>|])/g, '\\$1');
const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
