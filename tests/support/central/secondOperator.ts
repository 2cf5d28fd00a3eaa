import type { TestCentral } from './central';
import { loginAs } from './client';

/**
 * Another operator of the demo operator's territory (Almaty), made by the demo admin: the one who loses a race
 * to accept, or tries to signal on a call that is not theirs. Answers that operator's access token.
 */
export async function aSecondOperator(t: TestCentral): Promise<string> {
  const password = 'steppe eagle over the river';
  await t.call('POST', '/api/accounts', {
    token: await t.token('admin'),
    body: {
      login: 'operator.two',
      password,
      role: 'operator',
      departmentId: 'kz-almaty',
      displayName: 'Дана Ахметова',
    },
  });
  return loginAs(t.call, 'operator.two', password);
}
