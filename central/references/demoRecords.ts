import type { ReferenceRecord } from './referenceRepository';

/**
 * Demo reference records: every person here is FICTIONAL (made-up names, IINs that belong to nobody — their
 * check digits are not even valid), so the demo can show a warning without touching real registers.
 */
export const DEMO_REFERENCE_RECORDS: readonly ReferenceRecord[] = [
  {
    id: '0190a000-0000-7000-8000-000000000001',
    iin: '000000000001',
    name: 'Демо Қаруұстаушы',
    kind: 'weapon',
    note: 'ДЕМО: тіркелген аңшы мылтығы / ДЕМО: зарегистрированное охотничье ружьё',
  },
  {
    id: '0190a000-0000-7000-8000-000000000002',
    iin: '000000000002',
    name: 'Демо Сотталған',
    kind: 'conviction',
    note: 'ДЕМО: бұрын сотталған / ДЕМО: ранее судим',
  },
  {
    id: '0190a000-0000-7000-8000-000000000003',
    iin: '000000000002',
    name: 'Демо Сотталған',
    kind: 'danger',
    note: 'ДЕМО: қызметкерге қарсылық көрсеткен / ДЕМО: оказывал сопротивление сотрудникам',
  },
  {
    id: '0190a000-0000-7000-8000-000000000004',
    iin: '000000000003',
    name: 'Демо Есепте',
    kind: 'psychiatric',
    note: 'ДЕМО: психиатриялық есепте / ДЕМО: состоит на психиатрическом учёте',
  },
];
