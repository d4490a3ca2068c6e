// The town profile card: police.uk's figures for a town, each chart with its figures beside it in a table
// (for screen readers, and for Teams clients that draw no charts), and where the figures come from.
import { PROFILE_CAVEAT, PROFILE_SOURCE, type Change, type ProfileShown } from '../domain/town-profile.js';
import { townBySlug } from '../domain/towns.js';
import type { CardData } from './card-data.js';
import { monthName, signedPercent } from './month-names.js';

/** "+12%", "−8%", "no change", "too few to compare", or "no data the year before". */
function changeText(c: Change, coveredBefore = 12): string {
  if (!coveredBefore) return 'no data the year before';
  if (c.percent === null) return c.before || c.now ? 'too few to compare' : '';
  if (c.percent === 0) return 'no change';
  return signedPercent(c.percent);
}

export function profileCard(shown: ProfileShown): CardData<'profile'> {
  const { profile, compared, area, latest } = shown;
  const name = townBySlug(profile.town).name;
  const notes = [
    area
      ? `Area: ${area.approximate ? 'approximate, ' : ''}${area.source}${area.setBy ? ` (set by ${area.setBy})` : ''}.`
      : `${name} has no area yet: the board sets one (npm run towns -- area).`,
    profile.missing.length ? `No data for ${profile.missing.map((m) => monthName(m)).join(', ')}.` : '',
    `Source: ${PROFILE_SOURCE}.`,
    PROFILE_CAVEAT,
  ].filter(Boolean);
  const base = { heading: `Safer ${name}: town profile`, notes: notes.map((line) => ({ line })) };
  if (!latest)
    return {
      ...base,
      subtitle: 'From police.uk open data',
      empty:
        'No police.uk data has been imported yet. Download the street-level files for Devon & Cornwall from data.police.uk and import them (npm run crime-data -- import), or send a month\'s file to the bot in a 1:1 chat with "crime data".',
      facts: [],
      chart: [],
      chartTitle: '',
      table: [],
      streets: [],
      repeats: [],
      compared: [],
    };
  const from = monthName(profile.monthly.at(-12)?.month ?? latest);
  const withData = profile.monthly.filter((m) => m.count !== null);
  return {
    ...base,
    subtitle: `police.uk data to ${monthName(latest)} (published a month or two behind): ${from} to ${monthName(latest)}, against the 12 months before`,
    empty: '',
    facts: [
      { title: '12 months', value: `${profile.total.now} recorded` },
      { title: 'Year before', value: profile.coveredBefore ? `${profile.total.before}` : 'no data' },
      { title: 'Change', value: changeText(profile.total, profile.coveredBefore) || 'none recorded' },
    ],
    chartTitle: 'Recorded each month: all crime and anti-social behaviour, and anti-social behaviour alone',
    // Only the months with data: a month not imported is left out, never drawn as none recorded.
    chart: [
      { legend: 'All', values: withData.map((m) => ({ x: monthName(m.month, 'short'), y: m.count! })) },
      {
        legend: 'Anti-social behaviour',
        values: withData.map((m) => ({ x: monthName(m.month, 'short'), y: m.antiSocial! })),
      },
    ],
    table: profile.byType.map((t) => ({
      label: t.type,
      now: String(t.now),
      before: profile.coveredBefore ? String(t.before) : 'no data',
      change: changeText(t, profile.coveredBefore),
    })),
    streets: profile.topStreets.map((s) => ({ line: `${s.location}: ${s.count}` })),
    repeats: profile.repeatLocations.map((r) => ({
      line: `${r.location}: top ten in ${r.months} of the last 6 months (${r.count} recorded)`,
    })),
    compared: compared.map((c) => ({
      label: c.town === profile.town ? `${townBySlug(c.town).name} (this town)` : townBySlug(c.town).name,
      now: String(c.total.now),
      before: c.coveredBefore ? String(c.total.before) : 'no data',
      change: changeText(c.total, c.coveredBefore),
    })),
  };
}
