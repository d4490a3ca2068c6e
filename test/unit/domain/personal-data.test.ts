import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../../src/domain/personal-data.js';
import { describeFindings } from '../../../src/domain/personal-data-findings.js';

const kinds = (text: string) => detectPersonalData(text).map((f) => f.kind);

describe('personal data detector', () => {
  it.each([
    ['Contact jo.bloggs@gmail.com about the case', 'email'],
    ['Ring 07700 900123 after 5pm', 'phone'],
    ['Call +44 7700 900123', 'phone'],
    ['Landline 01872 222000', 'phone'],
    ['Tel (01209) 123456', 'phone'],
    ['NI number JG 10 37 28 A on file', 'ni_number'],
    ['ni ab123456c', 'ni_number'],
    ['Lives at TR1 2AB near the quay', 'postcode'],
    ['visit pl25 5ab today', 'postcode'],
    ['Male, DOB 12/03/1990, seen at quay', 'date_of_birth'],
    ['born 3 March 2009', 'date_of_birth'],
    ['date of birth: 2001-07-04', 'date_of_birth'],
    ['born in 2008, known to services', 'date_of_birth'],
    ['contact number 07700.900.812', 'phone'],
    ['ring him on 0044 7700 900 771', 'phone'],
    ['mum is in Poland, +48 512 345 678', 'phone'],
    ['NHS no 943 476 5919', 'nhs_number'],
    ['nhs 9434765919 for the referral', 'nhs_number'],
    ['GP has 401 023 2137 on file', 'nhs_number'],
    ['His DOB is 1/4/01', 'date_of_birth'],
    ['b. 09/09/2009', 'date_of_birth'],
    ['lives at 5 chapel street', 'address'],
    ['silver Corsa WK19 ABX seen outside', 'vehicle_registration'],
    ['old Land Rover, reg JHY 712C', 'vehicle_registration'],
    ['the van is P742 HKL', 'vehicle_registration'],
    ['his snapchat is @kyle_tr_2009', 'social_handle'],
    ['facebook.com/shannon.pascoe.56 has the threats', 'social_handle'],
    ['snap: liambrowne_x', 'social_handle'],
  ])('flags %j as %s', (text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });

  it.each([
    'Reduce ASB reports at Lemon Quay by 20% by 31/03/2027',
    'Review ECINS ref 1234567 at the next case panel',
    'See action TRU-014 and NQY-P03',
    'Patrols in the TR1 and TR15 areas',
    'Take the A30 3rd exit to the retail park',
    'Meeting on 2027-01-15 at 10:30, room B1 2nd floor',
    'Budget £50,000 from the seed fund; baseline 2017 46%, target 2021 54%',
    'Call 999 in an emergency or 101 otherwise',
    'Years 2017 2018 2019 2020 compared',
    'Survey of 1,200 residents aged 16 and over',
    'Ward B3 4th meeting',
    'Use TN 12 34 56 A test format',
    'NHS number check: 943 476 5910 has the wrong check digit',
    'crime ref CR/2026/004512 and MARAC ref 2026-118',
    'Crimestoppers on 0800 555 111, the council on 0300 1234 232',
    'WK19 ABX was the code printed on the survey form',
  ])('does not flag %j', (text) => {
    expect(detectPersonalData(text)).toEqual([]);
  });

  it('reports each finding once with its position, and describes them in plain words', () => {
    const findings = detectPersonalData('Email a@b.org or ring 07700900123; DOB 01/02/2003');
    expect(findings.map((f) => [f.kind, f.index])).toEqual([
      ['email', 6],
      ['phone', 22],
      ['date_of_birth', 35],
    ]);
    expect(describeFindings(findings)).toBe(
      'This text looks like it contains an e-mail address, a phone number and a date of birth. Records here are shared across the partnership: refer to the person by their case-system reference (for example "ECINS 123456") and keep the details in the case system.',
    );
  });
});
