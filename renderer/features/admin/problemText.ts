import { type Translate, describeRefusal } from '../refusals';
import type { AdminProblem } from './slice';

/** What the admin reads when central refused or did not answer: never central's English detail. */
export function problemText(problem: AdminProblem, t: Translate, language: string): string {
  return 'offline' in problem ? t('admin:offline') : describeRefusal(t, language, problem.refusal);
}
