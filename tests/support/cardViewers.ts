import type { CardViewer } from '../../domain/cards/cardVisibility';
import { scopeOf } from '../../domain/session/roles';

/** A signed-in account looking at cards; by default an operator of Almaty. */
export const aViewer = (
  overrides: Partial<CardViewer> & { departmentId?: string | null } = {},
): CardViewer => {
  const { departmentId = 'kz-almaty', ...rest } = overrides;
  return { login: 'operator', role: 'operator', scope: scopeOf(departmentId, []), ...rest };
};

/** A console without accounts (no central) as its configured supervisor: every card kept here. */
export const aConsoleWithoutAccounts: CardViewer = aViewer({
  login: null,
  role: 'supervisor',
  departmentId: null,
});
