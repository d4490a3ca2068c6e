// Where people type on the cards. Each verb names its free-text fields where it is defined
// (src/bot/verbs), and the personal-data guard checks each before anything is saved; every other text
// field must be named here as not prose, and a test holds every verb's schema to the two lists, so a field
// added later cannot slip past.

/** Fields that hold ids, dates, numbers (parsed as numbers), choices or links, never prose. */
export const NOT_FREE_TEXT = new Set([
  ...['actionId', 'planId', 'priorityId', 'taskGroupId', 'groupId', 'problemId', 'meetingId', 'requestId'],
  ...['allocationId', 'inputId', 'ref', 'town', 'kind', 'type', 'recordId', 'recordKind'],
  ...['ownerIds', 'memberIds', 'attendeeIds', 'downloadUrl', 'name', 'fromId', 'toId', 'actionIds'],
  ...['page', 'recurrence', 'public', 'proposal', 'evidenceType'],
  ...['dueDate', 'date', 'time', 'duration', 'closes', 'endDate', 'periodStart', 'periodEnd'],
  ...['fundAmount', 'delivered', 'measureBaseline', 'measureTarget'],
  ...['readingYear', 'readingValue', 'readingSampleSize', 'baselineYear', 'baselineValue'],
  ...['baselineSampleSize', 'targetYear', 'targetValue'],
  ...['cycleYear', 'cycleValue', 'cycleSampleSize', 'cycleTargetValue'],
  // The milestones' dates, and the SMART coach's warning codes the form showed (smart-warnings.ts).
  ...['milestone1Date', 'milestone2Date', 'milestone3Date', 'warningsSeen'],
  // A chosen action (id:version); search words and the bot's own notice, sent back to redraw a dialog and
  // never stored.
  ...['choice', 'q', 'leftOut'],
  // A place's police.uk streets, crime type and months: chosen from the town's data, refused unless they match.
  ...['placeStreets', 'placeType', 'beforeFrom', 'beforeTo', 'afterFrom', 'afterTo'],
]);

/** The free text as typed: each of these fields that holds some text. */
export function freeTextOf(fields: readonly string[], data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    fields.flatMap((f) => (typeof data[f] === 'string' && data[f] ? [[f, data[f]] as const] : [])),
  );
}
