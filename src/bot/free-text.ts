// Where people type on the cards. Every field that carries free text is named here, and the personal-data
// guard checks each before anything is saved; a test holds every verb's schema to this list, so a field
// added later cannot slip past it.
import { describeFindings, detectPersonalData } from '../domain/personal-data.js';

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
 * Verbs that warn and let the person confirm (a note, a new action: the text may be a false alarm, such as
 * a shop's phone number); everywhere else what looks like personal data is refused outright.
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

/** What looks like personal data in the verb's free text, described for the person; null when none. */
export function personalDataIn(verb: string, data: Record<string, unknown>): string | null {
  const findings = (FREE_TEXT_FIELDS[verb] ?? []).flatMap((field) =>
    typeof data[field] === 'string' ? detectPersonalData(data[field]) : [],
  );
  return findings.length ? describeFindings(findings) : null;
}
