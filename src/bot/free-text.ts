// Where people type on the cards. Every field that carries free text is named here, and the personal-data
// guard checks each before anything is saved; a test holds every verb's schema to this list, so a field
// added later cannot slip past it.

export const FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'action.status': ['reason'],
  'action.note': ['note'],
  'action.create': ['title', 'measure', 'target', 'revisionReason'],
  'meeting.create': ['title', 'agenda'],
  'meeting.cancel': ['reason'],
  'plan.create': ['title'],
  'plan.priority': ['title', 'theme', 'source', 'reason'],
  'plan.comment': ['text'],
  'indicator.reading': ['source', 'caveat'],
  'group.create': ['theme'],
  'fund.allocate': ['fundPurpose'],
  'problem.create': ['title', 'hotspot', 'objective', 'caseRefs'],
  'problem.scan': ['evidence'],
  'problem.analyse': ['offender', 'victim', 'place', 'handler', 'guardian', 'manager', 'hypothesis'],
  'problem.measure': ['measureName'],
  'problem.assess': ['outcome', 'displacement'],
  'problem.lessons': ['lessons'],
  'problem.publish': ['theme'],
};

/**
 * Verbs on which an identifier (a phone number, an e-mail address...) warns and may be confirmed: a note, a
 * new action (the text may be a shop's number). Elsewhere identifiers are refused. A person named without
 * anything sensitive warns on every verb; a person with a sensitive detail is refused on every verb.
 */
export const CONFIRMABLE = new Set(['action.note', 'action.create']);

/** Fields that hold ids, dates, numbers (parsed as numbers), choices or links, never prose. */
export const NOT_FREE_TEXT = new Set([
  ...['actionId', 'planId', 'priorityId', 'taskGroupId', 'groupId', 'problemId', 'meetingId', 'requestId'],
  ...['allocationId', 'inputId', 'ref', 'town', 'kind', 'type', 'recordId', 'recordKind'],
  ...['ownerIds', 'memberIds', 'attendeeIds', 'downloadUrl', 'name'],
  ...['dueDate', 'date', 'time', 'duration', 'closes', 'endDate', 'periodStart', 'periodEnd'],
  ...['fundAmount', 'delivered', 'measureBaseline', 'measureTarget'],
  ...['readingYear', 'readingValue', 'readingSampleSize', 'baselineYear', 'baselineValue'],
  ...['baselineSampleSize', 'targetYear', 'targetValue'],
]);

/** The verb's free text as typed: each free-text field that holds some text. */
export function freeTextOf(verb: string, data: Record<string, unknown>): Record<string, string> {
  const fields = FREE_TEXT_FIELDS[verb] ?? [];
  return Object.fromEntries(
    fields.flatMap((f) => (typeof data[f] === 'string' && data[f] ? [[f, data[f]] as const] : [])),
  );
}
