// The town's public page: public records only, no owners, nothing that looks like personal data, and user
// text shown as text in both Markdown and HTML.
import { describe, expect, it } from 'vitest';
import { publicHtml, publicMarkdown, publicSummary } from '../../../src/domain/public-summary.js';
import { anAction } from '../../contract/builders.js';
import { priority } from './fixtures.js';

const survey = {
  ...priority,
  id: 'p-survey',
  title: 'Feel safer in the town centre at night',
  source: 'residents_survey' as const,
};
const meeting = (title: string, kind: string, start: string) =>
  ({ title, kind, start, status: 'scheduled' }) as never;

const summary = publicSummary({
  town: 'truro',
  asOf: '2026-11-26',
  now: new Date('2026-11-26T12:00:00Z'),
  priorities: [priority, survey],
  actions: [
    anAction({
      priorityId: survey.id,
      title: 'Brighter lighting in Lemon Street <b>now</b>',
      status: 'done',
      public: true,
    }),
    anAction({
      priorityId: survey.id,
      title: 'Street marshals on Friday nights',
      status: 'in_progress',
      public: true,
    }),
    anAction({ priorityId: survey.id, title: 'Private tasking with the licensing team', status: 'done' }),
    anAction({
      priorityId: priority.id,
      title: 'Call 07700 900123 to arrange *patrols*',
      status: 'not_started',
      public: true,
    }),
    anAction({ priorityId: priority.id, title: 'Cancelled idea', status: 'cancelled', public: true }),
    anAction({
      priorityId: survey.id,
      title: 'TRU-001: removed under the retention policy',
      status: 'done',
      public: true,
      redactedAt: '2026-11-01T02:00:00.000Z', // archived: nothing left to show
    }),
  ],
  meetings: [
    meeting('Safer Truro launch in Lemon Quay', 'inaugural', '2026-11-01T18:00:00Z'),
    meeting('Partnership meeting', 'partnership', '2026-12-01T10:00:00Z'),
    meeting('Have your say drop-in', 'engagement_event', '2027-01-10T10:00:00Z'),
  ],
});

describe('the public summary', () => {
  it('shows only public actions, public events, and withholds what looks like personal data', () => {
    expect(summary.priorities).toEqual([
      {
        title: survey.title,
        done: 1,
        total: 2,
        actions: [
          'Brighter lighting in Lemon Street <b>now</b>: done',
          'Street marshals on Friday nights: in progress',
        ],
      },
    ]);
    expect(summary.withheld).toBe(1); // the phone number; its priority then has nothing public to show
    expect(summary.progress).toEqual({ done: 1, inProgress: 1, planned: 0 });
    expect(summary.events).toEqual([
      { title: 'Safer Truro launch in Lemon Quay', date: '2026-11-01', past: true },
      { title: 'Have your say drop-in', date: '2027-01-10', past: false },
    ]);
    expect(summary.youSaidWeDid).toEqual([
      { youSaid: survey.title, weDid: ['Brighter lighting in Lemon Street <b>now</b>'] },
    ]);
    expect(JSON.stringify(summary)).not.toContain('Sam Penrose'); // no owners
  });

  it('keeps user text as text in Markdown and HTML', () => {
    const md = publicMarkdown(summary);
    expect(md).toContain('# Safer Truro');
    expect(md).toContain('**You said:** Feel safer in the town centre at night');
    expect(md).toContain('- Brighter lighting in Lemon Street \\<b\\>now\\</b\\>: done');
    const html = publicHtml(summary);
    expect(html).toContain('<li>Brighter lighting in Lemon Street &lt;b&gt;now&lt;/b&gt;: done</li>');
    expect(html).not.toContain('<b>now</b>');
    expect(html).toContain(
      '<time datetime="2026-11-01">2026-11-01</time>: Safer Truro launch in Lemon Quay (held)',
    );
  });
});
