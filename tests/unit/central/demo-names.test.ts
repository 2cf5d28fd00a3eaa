import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, OLD_DEMO_NAME } from '../../../central/demo/demoDepartments';

describe('the demo accounts', () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.login, a.displayName]))(
    '%s has a name that reads right on a Kazakh and a Russian screen: Cyrillic, no English',
    (_, name) => {
      expect(name).toMatch(/^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+ [А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+$/);
      expect(name).not.toMatch(OLD_DEMO_NAME);
    },
  );
});
