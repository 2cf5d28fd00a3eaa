import { type Refusal, type RefusalOnWire, readRefusal } from '../../../domain/contract/refusal';

/** The `t` of react-i18next, narrowed to what is used here. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The values a refusal's text interpolates: its parameters, each in the reader's words. */
function values(r: Refusal, t: Translate, language: string): Record<string, unknown> {
  const list = (items: readonly string[]) =>
    new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  switch (r.code) {
    case 'role.forbidden':
      return { role: t(`common:roles.${r.params.role}`), action: t(`refusals:actions.${r.params.action}`) };
    case 'card.wrongStatus':
      return {
        status: t(`cards:status.${r.params.status}`),
        action: t(`refusals:actions.${r.params.action}`),
      };
    case 'card.missingForSend':
      return { fields: list(r.params.fields.map((f) => t(`refusals:fields.${f}`))) };
    case 'appeal.invalid':
      return { field: r.params.field, problem: t(`refusals:appealProblems.${r.params.problem}`) };
    case 'attachment.tooLarge': {
      const megabytes = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(
        r.params.maxBytes / (1024 * 1024),
      );
      return {
        kind: t(`refusals:attachmentKinds.${r.params.kind}`),
        size: t('refusals:megabytes', { value: megabytes }),
      };
    }
    case 'attachment.unsupported':
      return { kind: t(`refusals:attachmentKinds.${r.params.kind}`) };
    case 'territory.unknownDepartments':
      return { departmentIds: r.params.departmentIds.join(', ') };
    default:
      return r.params;
  }
}

/**
 * Central's refusal in the reader's language (domain/contract/refusal.ts → the `refusals` namespace). A code this
 * console does not know, or a refusal stored before refusals had codes, gets a general text: never
 * central's English.
 */
export function describeRefusal(
  t: Translate,
  language: string,
  wire: RefusalOnWire | null | undefined,
): string {
  if (!wire) return t('refusals:withoutCode');
  const known = readRefusal(wire);
  if (!known) return t('refusals:unknown', { code: wire.code });
  return t(`refusals:${known.code}`, values(known, t, language));
}
