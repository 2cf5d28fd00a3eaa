import { describe, expect, it } from 'vitest';
import { editorPoint, editorToInput, emptyEditor } from '../../../renderer/features/cards/editor';

describe('the card form', () => {
  it('accepts coordinates typed with a comma as the decimal separator', () => {
    const result = editorToInput({ ...emptyEditor(), lat: '43,2389', lon: '76,8897' });
    expect(result).toEqual({
      input: { description: '', category: null, location: { lat: 43.2389, lon: 76.8897, source: 'typed' } },
    });
  });

  it('saves a card without a location when both coordinates are empty', () => {
    expect(editorToInput({ ...emptyEditor(), description: 'x' })).toMatchObject({
      input: { location: null },
    });
  });

  it('names each coordinate that is out of range', () => {
    expect(editorToInput({ ...emptyEditor(), lat: '95', lon: 'abc' })).toEqual({
      problems: ['invalidLatitude', 'invalidLongitude'],
    });
  });

  it('asks for both coordinates when only one is given', () => {
    expect(editorToInput({ ...emptyEditor(), lat: '43' })).toEqual({ problems: ['bothCoordinates'] });
  });

  it('points the map and the territory at the place only while both coordinates read as numbers', () => {
    expect(editorPoint({ ...emptyEditor(), lat: '43,2382', lon: ' 76.9568' })).toEqual({
      lat: 43.2382,
      lon: 76.9568,
    });
    expect(editorPoint({ ...emptyEditor(), lat: '43.2', lon: '' })).toBeNull();
    expect(editorPoint({ ...emptyEditor(), lat: '95', lon: '76.9' })).toBeNull();
  });
});
