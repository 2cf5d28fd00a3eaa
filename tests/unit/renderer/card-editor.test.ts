import { describe, expect, it } from 'vitest';
import type { CountryCheck } from '../../../domain/places/country';
import {
  editorFromCard,
  editorIsBlank,
  editorPoint,
  editorToDraft,
  emptyEditor,
} from '../../../renderer/features/cards/editor';

/** A stand-in for the country's outline (the real check is tested in country.test.ts): east of 46°E. */
const inKazakhstan: CountryCheck = ({ lon }) => lon > 46;

describe('the card form', () => {
  it('accepts coordinates typed with a comma as the decimal separator', () => {
    expect(editorToDraft({ ...emptyEditor(), lat: '43,2389', lon: '76,8897' })).toMatchObject({
      input: {
        description: '',
        category: null,
        location: { lat: 43.2389, lon: 76.8897, source: 'typed' },
        typedCoordinates: null,
      },
      problems: [],
    });
  });

  it('saves a card without a location when both coordinates are empty', () => {
    expect(editorToDraft({ ...emptyEditor(), description: 'x' })).toMatchObject({
      input: { location: null, typedCoordinates: null },
      problems: [],
    });
  });

  it('keeps coordinates that are out of range as typed, names each, and sends no location', () => {
    expect(
      editorToDraft({ ...emptyEditor(), description: 'Shots at the market', lat: '432389', lon: 'abc' }),
    ).toMatchObject({
      input: {
        description: 'Shots at the market',
        category: null,
        location: null,
        typedCoordinates: { lat: '432389', lon: 'abc' },
      },
      problems: ['invalidLatitude', 'invalidLongitude'],
    });
  });

  it('does not take exponent notation or other number spellings as a coordinate', () => {
    for (const text of ['1e1', '4.3e1', '0x10', 'Infinity', '43.2.1', '--43'])
      expect(editorToDraft({ ...emptyEditor(), lat: text, lon: '76.9' }).problems, text).toEqual([
        'invalidLatitude',
      ]);
  });

  it('asks for both coordinates when only one is given, and keeps the one typed', () => {
    expect(editorToDraft({ ...emptyEditor(), lat: '43' })).toMatchObject({
      input: { location: null, typedCoordinates: { lat: '43', lon: '' } },
      problems: ['bothCoordinates'],
    });
  });

  it('marks a place outside Kazakhstan, keeps it as typed and sends no location (§8)', () => {
    expect(editorToDraft({ ...emptyEditor(), lat: '51.5074', lon: '-0.1278' }, inKazakhstan)).toMatchObject({
      input: { location: null, typedCoordinates: { lat: '51.5074', lon: '-0.1278' } },
      problems: ['outsideKazakhstan'],
    });
    expect(editorToDraft({ ...emptyEditor(), lat: '43.25', lon: '76.95' }, inKazakhstan).problems).toEqual(
      [],
    );
  });

  it('shows a card again with its coordinates exactly as typed', () => {
    const editor = editorFromCard({
      id: '0190f0f0-0000-7000-8000-000000000001',
      localNumber: 1,
      status: 'draft',
      description: 'x',
      category: null,
      location: { lat: 43.2, lon: 76.9, source: 'map' },
      typedCoordinates: { lat: '432389', lon: '76,9' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect([editor.lat, editor.lon]).toEqual(['432389', '76,9']);
  });

  it('takes a new form with nothing typed as blank: nothing to keep', () => {
    expect(editorIsBlank(emptyEditor())).toBe(true);
    expect(editorIsBlank({ ...emptyEditor(), description: '  ' })).toBe(true);
    expect(editorIsBlank({ ...emptyEditor(), lat: '4' })).toBe(false);
  });

  it('points the map and the territory at the place only while both coordinates read as numbers', () => {
    expect(editorPoint({ ...emptyEditor(), lat: '43,2382', lon: ' 76.9568' })).toEqual({
      lat: 43.2382,
      lon: 76.9568,
    });
    expect(editorPoint({ ...emptyEditor(), lat: '43.2', lon: '' })).toBeNull();
    expect(editorPoint({ ...emptyEditor(), lat: '95', lon: '76.9' })).toBeNull();
    expect(editorPoint({ ...emptyEditor(), lat: '1e1', lon: '76.9' })).toBeNull();
  });
});
