import type { Translate } from '../refusals';
import { describeRefusal } from '../refusals';
import type { AttachmentProblem } from './attachmentsSlice';

/** Why an attachment is not shown, in the operator's language: central's refusal by its code, never its English. */
export function attachmentProblemText(t: Translate, language: string, problem: AttachmentProblem): string {
  if ('refusal' in problem) return describeRefusal(t, language, problem.refusal);
  return 'offline' in problem ? t('attachments:offline') : t('attachments:failed');
}
