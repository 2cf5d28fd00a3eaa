import { describe, expect, it } from 'vitest';
import { CardDraftInputSchema } from '../../../domain/cards/card';
import { missingForSend } from '../../../domain/cards/workflow';
import {
  editorIsBlank,
  editorToDraft,
  emptyEditor,
  placeEdit,
} from '../../../renderer/features/cards/editor';

const VALID_IIN = '850715300122';

describe('the whole §9 card in the form', () => {
  it('sends every field of a filled card, and the contract takes it', () => {
    const { input, problems } = editorToDraft({
      ...emptyEditor(),
      description: 'Two men fight near the market',
      category: 'otherOffence',
      subcategory: 'fight',
      urgent: true,
      applicantName: 'Айгүл Сапарова',
      applicantPhone: '+7 701 555 12 34',
      applicantIin: VALID_IIN,
      language: 'kk',
      addressText: 'Абай даңғылы, 10',
      peopleCount: '2',
      peopleFeatures: 'one in a red jacket',
      vehicleList: [{ plate: '123 ABC 02', colour: 'white', make: 'Toyota Camry' }],
      vehicles: 'a bus nearby',
      buildings: 'the central market',
      chosenDepartmentId: 'ALA',
    });
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      applicant: { name: 'Айгүл Сапарова', phone: '+7 701 555 12 34', iin: VALID_IIN },
      anonymous: false,
      language: 'kk',
      subcategory: 'fight',
      peopleCount: 2,
      vehicleList: [{ plate: '123 ABC 02', colour: 'white', make: 'Toyota Camry' }],
      addressText: 'Абай даңғылы, 10',
      chosenDepartmentId: 'ALA',
    });
    expect(CardDraftInputSchema.safeParse(input).success).toBe(true);
  });

  it('keeps no identity of an anonymous appeal, whatever was typed before', () => {
    const { input } = editorToDraft({
      ...emptyEditor(),
      anonymous: true,
      applicantName: 'Secret Name',
      applicantIin: VALID_IIN,
    });
    expect(input.applicant).toBeNull();
    expect(JSON.stringify(input)).not.toContain('Secret');
    expect(JSON.stringify(input)).not.toContain(VALID_IIN);
  });

  it.each([
    ['850715300123', 'iin.checksum'],
    ['850715000122', 'iin.centurySex'],
    ['851315300122', 'iin.date'],
    ['8507', 'iin.format'],
  ])('names a wrong IIN %s (%s) and sends none', (iin, problem) => {
    const { input, problems } = editorToDraft({ ...emptyEditor(), applicantName: 'A', applicantIin: iin });
    expect(problems).toEqual([problem]);
    expect(input.applicant).toEqual({ name: 'A' });
  });

  it('drops a sub-category left from another category, and names a people count that is no number', () => {
    const { input, problems } = editorToDraft({
      ...emptyEditor(),
      category: 'roadAccident',
      subcategory: 'fight',
      peopleCount: 'two',
    });
    expect(input.subcategory).toBeNull();
    expect(input.peopleCount).toBeNull();
    expect(problems).toEqual(['invalidPeopleCount']);
  });

  it('never overwrites the caller’s position silently: the replaced place is kept to show and restore', () => {
    const fromDevice = { ...emptyEditor(), lat: '43.25', lon: '76.95', locationSource: 'device' as const };
    expect(placeEdit(fromDevice, { lat: '43.3', lon: '76.9', locationSource: 'map' })).toEqual({
      lat: '43.3',
      lon: '76.9',
      locationSource: 'map',
      replacedPlace: { lat: '43.25', lon: '76.95', source: 'device' },
    });
    expect(placeEdit(emptyEditor(), { lat: '43.3', lon: '76.9', locationSource: 'map' })).not.toHaveProperty(
      'replacedPlace',
    );
  });

  it('counts a form with only an applicant or a vehicle as something to keep', () => {
    expect(editorIsBlank({ ...emptyEditor(), applicantPhone: '+77015551234' })).toBe(false);
    expect(editorIsBlank({ ...emptyEditor(), vehicleList: [{ plate: '1', colour: '', make: '' }] })).toBe(
      false,
    );
    expect(editorIsBlank(emptyEditor())).toBe(true);
  });

  it('"send" names what is missing in the form’s order; an address stands for the place', () => {
    const blank = { description: ' ', category: null, location: null, addressText: null };
    expect(missingForSend(blank)).toEqual(['description', 'category', 'place']);
    expect(
      missingForSend({
        ...blank,
        description: 'x',
        category: 'otherOffence' as const,
        addressText: 'Abai 1',
      }),
    ).toEqual([]);
  });
});
