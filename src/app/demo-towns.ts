// How the demo differs by town, so the board's side-by-side view says something: progress, RAG, overdue
// counts, the residents' indicator, problem-solving plans, task groups and meetings. Truro keeps the
// reference set (DEMO_ACTIONS as written), which the tests and the README's walk-through use.
import type { ProblemType } from '../domain/problem.js';
import type { MeetingKind } from '../domain/meeting.js';

export interface DemoTownProfile {
  /** Days added to every open action's due date: later is fewer overdue, earlier is more. */
  shift: number;
  /** DEMO_ACTIONS indexes marked done (more done, better progress). */
  done: readonly number[];
  /** DEMO_ACTIONS indexes marked blocked, with the reason. */
  blocked: readonly number[];
  /** The 2026 proxy reading against the 2025 baseline, in points (the cycle's target is +8). */
  readingChange: number;
  group?: { theme: string; endsInDays: number; members: readonly number[] };
  problem?: { type: ProblemType; title: string; hotspot: string; objective: string };
  meeting?: { kind: MeetingKind; title: string; inDays: number };
}

const nightPatrols = { theme: 'Night-time economy (demo)', endsInDays: 120, members: [0, 1] };

export const DEMO_TOWN_PROFILES: Readonly<Record<string, DemoTownProfile>> = {
  penzance: {
    shift: 30,
    done: [0, 1, 2],
    blocked: [],
    readingChange: 7,
    group: { theme: 'Harbour area ASB (demo)', endsInDays: 90, members: [0, 2] },
    meeting: { kind: 'partnership', title: 'Safer Penzance partnership meeting (demo)', inDays: 9 },
  },
  redruth: {
    shift: -15,
    done: [],
    blocked: [2],
    readingChange: -1,
    problem: {
      type: 'place',
      title: 'Street drinking at the clock tower (demo)',
      hotspot: 'Redruth clock tower',
      objective: 'Halve reports of street drinking at the clock tower within six months',
    },
  },
  camborne: {
    shift: 5,
    done: [3],
    blocked: [],
    readingChange: 3,
    group: nightPatrols,
    problem: {
      type: 'behaviour',
      title: 'Late-night disorder around Commercial Square (demo)',
      hotspot: 'Camborne town centre',
      objective: 'Cut late-night disorder reports by a third within a year',
    },
  },
  falmouth: {
    shift: 45,
    done: [0, 1, 2, 3, 4],
    blocked: [],
    readingChange: 9,
    meeting: { kind: 'engagement_event', title: 'Falmouth Have Your Say stall (demo)', inDays: 16 },
  },
  newquay: { shift: -30, done: [], blocked: [3, 5], readingChange: 1, group: nightPatrols },
  'st-austell': { shift: 10, done: [0], blocked: [], readingChange: 4 },
  bodmin: {
    shift: 0,
    done: [2, 3],
    blocked: [],
    readingChange: 5,
    meeting: { kind: 'partnership', title: 'Safer Bodmin partnership meeting (demo)', inDays: 5 },
  },
  liskeard: { shift: -5, done: [], blocked: [1], readingChange: 2 },
  saltash: {
    shift: 20,
    done: [1, 3],
    blocked: [],
    readingChange: 6,
    problem: {
      type: 'place',
      title: 'Damage at the waterfront car park (demo)',
      hotspot: 'Saltash waterfront car park',
      objective: 'No criminal damage reported at the car park for three months',
    },
  },
};
