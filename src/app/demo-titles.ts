// Each demo town's own wording for the demo actions that every town has (by DEMO_ACTIONS index), so that a
// person with seats in several towns, or the board, sees ten partnerships rather than one list ten times.
// Truro keeps the reference wording, which the tests and the README's walk-through use.
type Local = Readonly<Record<number, string>>;

export const DEMO_LOCAL_TITLES: Readonly<Record<string, Local>> = {
  penzance: {
    0: 'Run monthly joint patrols of the harbour front at night',
    1: 'Install brighter lighting on the harbour car park steps',
    3: 'Hold the partnership launch event on Market Jew Street',
    5: 'Review CCTV coverage of Market Jew Street and the Greenmarket',
  },
  redruth: {
    0: 'Run monthly joint patrols of Fore Street on Friday nights',
    1: 'Install brighter lighting in the Fore Street alleyways',
    3: 'Hold the partnership launch event at the clock tower',
    5: 'Review CCTV coverage of Fore Street and Alma Place',
  },
  camborne: {
    0: 'Run monthly joint patrols around Commercial Square',
    1: 'Install brighter lighting on the path to the railway station',
    3: 'Hold the partnership launch event at Camborne Library',
    5: 'Review CCTV coverage of Trelowarren Street',
  },
  falmouth: {
    0: 'Run monthly joint patrols of the harbour-side pubs',
    1: 'Install brighter lighting on the Prince of Wales Pier approach',
    3: 'Hold the partnership launch event on the Moor',
    5: 'Review CCTV coverage of Church Street and Arwenack Street',
  },
  newquay: {
    0: 'Run monthly joint patrols of the town centre clubs in summer',
    1: 'Install brighter lighting on the steps to Towan Beach',
    3: 'Hold the partnership launch event at the Killacourt',
    5: 'Review CCTV coverage of Bank Street and East Street',
  },
  'st-austell': {
    0: 'Run monthly joint patrols of Fore Street and the bus station',
    1: 'Install brighter lighting in the White River Place car park',
    3: 'Hold the partnership launch event in Aylmer Square',
    5: 'Review CCTV coverage of White River Place',
  },
  bodmin: {
    0: 'Run monthly joint patrols of Fore Street at closing time',
    1: 'Install brighter lighting on the Priory car park footpath',
    3: 'Hold the partnership launch event on Mount Folly',
    5: 'Review CCTV coverage of Fore Street and Honey Street',
  },
  liskeard: {
    0: 'Run monthly joint patrols of the Parade and Fore Street',
    1: 'Install brighter lighting in the cattle market car park',
    3: 'Hold the partnership launch event on the Parade',
    5: 'Review CCTV coverage of the Parade and Pike Street',
  },
  saltash: {
    0: 'Run monthly joint patrols of Fore Street and the Waterside',
    1: 'Install brighter lighting on the steps down to the Waterside',
    3: 'Hold the partnership launch event at Saltash Waterside',
    5: 'Review CCTV coverage of Fore Street',
  },
};
