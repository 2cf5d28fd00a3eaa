import type { Role, Scope } from '../../domain/session/roles';

/** The authenticated staff member behind a request or a socket. */
export interface Principal {
  accountId: string;
  role: Role;
  departmentId: string | null;
  scope: Scope;
}
