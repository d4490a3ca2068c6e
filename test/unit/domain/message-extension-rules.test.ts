// The pure rules behind the message extension: reading a search, a message as a draft action, action links,
// and a message's HTML as text.
import { describe, expect, it } from 'vitest';
import { passesFilters, readActionQuery, wordsMissing } from '../../../src/domain/action-search.js';
import { draftFromMessage, noteFromMessage } from '../../../src/domain/message-draft.js';
import { actionLink, refOfLink } from '../../../src/domain/action-link.js';
import { messageText } from '../../../src/bot/extension/message-text.js';
import type { ActionHeadline } from '../../../src/domain/action.js';

const headline = (over: Partial<ActionHeadline> = {}): ActionHeadline => ({
  id: 'a1',
  version: 1,
  town: 'truro',
  ref: 'TRU-014',
  planId: 'p',
  priorityId: 'q',
  taskGroupId: null,
  title: 'Shopwatch radio net in Lemon Street',
  owners: [{ aadObjectId: 'u1', displayName: 'Sam Penrose' }],
  dueDate: '2026-12-10',
  status: 'in_progress',
  demo: false,
  updatedAt: '2026-11-01T00:00:00Z',
  ...over,
});

describe('reading a search', () => {
  it.each([
    ['TRU-014', { refs: ['TRU-014'] }],
    ['tru 14', { refs: ['TRU-014'] }],
    ['TRU 14', { refs: ['TRU-014'], towns: [] }],
    ['PNZ', { towns: ['penzance'], words: [], browse: false }],
    ['NQY blocked', { towns: ['newquay'], statuses: ['blocked'] }],
    ['red lighting', { towns: [], words: ['red', 'lighting'] }], // a code in lower case is a word
    ['XYZ', { towns: [], words: ['xyz'] }],
    ['blocked Truro', { statuses: ['blocked'], towns: ['truro'] }],
    ['St Austell in progress', { towns: ['st-austell'], statuses: ['in_progress'] }],
    ['street drinking overdue', { words: ['street', 'drinking'], statuses: ['overdue'] }],
    ['$where: sleep(1000)', { words: ['where', 'sleep', '1000'] }],
    ['.*', { browse: true }],
    ['', { browse: true }],
    ['a', { browse: true }],
  ])('%s', (typed, expected) => {
    expect(readActionQuery(typed)).toMatchObject(expected);
  });

  it('filters headlines by reference, town and status, and finds words in the title and owners', () => {
    const day = '2026-12-20';
    expect(passesFilters(headline(), readActionQuery('overdue truro'), day)).toBe(true);
    expect(passesFilters(headline(), readActionQuery('overdue truro'), '2026-12-01')).toBe(false);
    expect(passesFilters(headline(), readActionQuery('penzance'), day)).toBe(false);
    expect(passesFilters(headline({ status: 'done' }), readActionQuery('open'), day)).toBe(false);
    expect(wordsMissing(headline(), readActionQuery('lemon penrose'))).toEqual([]);
    expect(wordsMissing(headline(), readActionQuery('lemon cctv'))).toEqual(['cctv']);
  });
});

describe('a message as a draft action', () => {
  it.each([
    [
      'Set up a Shopwatch radio net. Agreed at the BID meeting.',
      'Set up a Shopwatch radio net',
      'Agreed at the BID meeting.',
    ],
    ['Extra patrols on Friday nights', 'Extra patrols on Friday nights', ''],
    ['Lighting audit\nStart with the bus station', 'Lighting audit', 'Start with the bus station'],
    ['What about the CCTV? It has been down a week', 'What about the CCTV', 'It has been down a week'],
  ])('%s', (text, title, note) => {
    expect(draftFromMessage(text)).toEqual({ title, note });
  });

  it('cuts a long first sentence at a word boundary, the rest going into the note', () => {
    const long = `${'word '.repeat(60)}end.`;
    const draft = draftFromMessage(long);
    expect(draft.title.length).toBeLessThanOrEqual(200);
    expect(draft.title.endsWith('word')).toBe(true);
    expect(draft.note).toContain('end');
    expect(noteFromMessage('x'.repeat(3000)).note.length).toBe(1000);
  });
});

describe('action links', () => {
  const base = 'https://safertowns.example.gov.uk';
  it('are the base and the reference, and read back only from our own host', () => {
    expect(actionLink(`${base}/`, 'TRU-014')).toBe(`${base}/actions/TRU-014`);
    expect(refOfLink(base, `${base}/actions/TRU-014`)).toBe('TRU-014');
    expect(refOfLink(base, `${base.toUpperCase()}/actions/tru-14/`)).toBe('TRU-014');
    expect(refOfLink(`${base}/bot`, `${base}/bot/actions/TRU-014`)).toBe('TRU-014');
    for (const other of [
      'https://evil.example/actions/TRU-014',
      `http://safertowns.example.gov.uk/actions/TRU-014`,
      `${base}/actions/TRU-014/history`,
      `${base}/actions/%E0%A4%A`,
      `${base}/other/TRU-014`,
      'not a url',
    ])
      expect(refOfLink(base, other)).toBeNull();
  });
});

describe("a message's HTML as text", () => {
  it('drops tags, keeps line breaks, decodes entities', () => {
    expect(
      messageText({
        contentType: 'html',
        content: '<p>Fish &amp; chips</p><div>at&nbsp;the <b>pier</b>&#33;</div>',
      }),
    ).toBe('Fish & chips\nat the pier!');
    expect(messageText({ contentType: 'text', content: '<b>as typed</b>' })).toBe('<b>as typed</b>');
    expect(messageText({})).toBe('');
  });
});
