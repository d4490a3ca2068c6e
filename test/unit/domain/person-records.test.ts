import { describe, expect, it } from 'vitest';
import {
  identitiesIn,
  keysOf,
  mentions,
  newPseudonym,
  personQuerySchema,
  pseudonymise,
} from '../../../src/domain/person-records.js';

const sam = {
  aadObjectIds: ['2a5d1c6e-0000-4000-8000-000000000002'],
  emails: ['sam.penrose@example.gov.uk'],
  names: ['Sam Penrose'],
};
const alias = newPseudonym('0123456789ab');

describe('one person in stored records', () => {
  it('needs an e-mail address or an object id, each well formed', () => {
    expect(personQuerySchema.safeParse({}).success).toBe(false);
    expect(personQuerySchema.safeParse({ email: 'not an address' }).success).toBe(false);
    expect(keysOf(personQuerySchema.parse({ email: ' Sam.Penrose@Example.gov.uk ' }))).toEqual({
      aadObjectIds: [],
      emails: ['sam.penrose@example.gov.uk'],
      names: [],
    });
  });

  it('finds the person by id, e-mail or full name at any depth, whatever the case', () => {
    expect(mentions({ owners: [{ aadObjectId: sam.aadObjectIds[0]!.toUpperCase() }] }, sam)).toBe(true);
    expect(mentions({ email: 'SAM.PENROSE@example.gov.uk' }, sam)).toBe(true);
    expect(mentions({ notes: [{ text: 'Agreed with sam penrose on Friday' }] }, sam)).toBe(true);
    expect(mentions({ notes: [{ text: 'Sam will call back' }] }, { ...sam, names: ['Sam'] })).toBe(false);
    expect(mentions({ title: 'Lighting in the underpass', n: 3 }, sam)).toBe(false);
  });

  it('learns the names and id the records give the person', () => {
    const seat = { aadObjectId: 'AAAA-1111-bbbb', email: 'sam.penrose@example.gov.uk', displayName: 'Sam P' };
    const actor = { kind: 'user', id: 'aaaa-1111-bbbb', name: 'Samuel Penrose' };
    expect(identitiesIn([seat, { by: actor }], { aadObjectIds: [], emails: sam.emails, names: [] })).toEqual({
      aadObjectIds: ['aaaa-1111-bbbb'],
      emails: ['sam.penrose@example.gov.uk'],
      names: ['Sam P'],
    });
    expect(
      identitiesIn({ by: actor }, { aadObjectIds: ['aaaa-1111-bbbb'], emails: [], names: [] }).names,
    ).toEqual(['Samuel Penrose']);
  });

  it('replaces every mention with the pseudonym, leaving everything else as it was', () => {
    const action = {
      title: 'Shopwatch radios',
      owners: [{ aadObjectId: sam.aadObjectIds[0], displayName: 'Sam Penrose' }],
      notes: [
        {
          at: '2026-11-01',
          by: { aadObjectId: sam.aadObjectIds[0], displayName: 'Sam Penrose' },
          text: 'Sam Penrose to brief shops; mail sam.penrose@example.gov.uk',
        },
      ],
      version: 4,
      public: false,
    };
    const out = pseudonymise(action, sam, alias);
    expect(out).toEqual({
      title: 'Shopwatch radios',
      owners: [{ aadObjectId: 'erased-0123456789ab', displayName: 'Former partner 012345' }],
      notes: [
        {
          at: '2026-11-01',
          by: { aadObjectId: 'erased-0123456789ab', displayName: 'Former partner 012345' },
          text: 'Former partner 012345 to brief shops; mail erased-0123456789ab@erased.invalid',
        },
      ],
      version: 4,
      public: false,
    });
    expect(mentions(out, sam)).toBe(false);
    expect(action.owners[0]!.displayName).toBe('Sam Penrose'); // a copy: the input is untouched
  });
});
