import { describe, expect, it } from 'vitest';
import { type Place, searchPlaces } from '../../../renderer/features/map/placeSearch';
import cities from '../../../resources/map/cities.json';

const places: Place[] = cities;
const firstFound = (query: string) => searchPlaces(places, query)[0]?.name;

describe('finding a place of the offline map by name', () => {
  it('finds a city by its Kazakh, Russian or Latin name', () => {
    expect(firstFound('Алматы')).toBe('Almaty');
    expect(firstFound('Қарағанды')).toBe('Karagandy');
    expect(firstFound('Караганда')).toBe('Karagandy');
    expect(firstFound('Жезқазған')).toBe('Zhezqazghan');
    expect(firstFound('Жезказган')).toBe('Zhezqazghan');
    expect(firstFound('Түркістан')).toBe('Turkestan');
    expect(firstFound('Балхаш')).toBe('Balqash');
    expect(firstFound('Рудный')).toBe('Rudnyy');
    expect(firstFound('shymkent')).toBe('Shymkent');
    expect(firstFound('Нур-Султан')).toBe('Astana');
  });

  it('finds a city whose Kazakh or Russian name is another word', () => {
    expect(firstFound('Өскемен')).toBe('Ust-Kamenogorsk');
    expect(firstFound('Уральск')).toBe('Oral');
    expect(firstFound('Петропавловск')).toBe('Petropavl');
  });

  it('suggests while the name is being typed, larger places first', () => {
    expect(searchPlaces(places, 'Ак').map((p) => p.name)).toEqual(['Aktobe', 'Aktau']);
    expect(firstFound('Шым')).toBe('Shymkent');
  });

  it('finds nothing for a letter, or for a name that is not on the list', () => {
    expect(searchPlaces(places, 'А')).toEqual([]);
    expect(searchPlaces(places, 'London')).toEqual([]);
    expect(searchPlaces(places, 'Москва')).toEqual([]);
  });
});
