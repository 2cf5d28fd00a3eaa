import type { AdminAnswer, AccountChanges, AccountView, NewAccount } from '../../domain/admin/account';
import type {
  NewService,
  NewUnit,
  ServiceChanges,
  ServiceEntry,
  UnitChanges,
  UnitEntry,
} from '../../domain/admin/directories';
import type { TerritoryImport } from '../../domain/places/territory';
import type { CentralResult, SignedInCentral } from '../central/client';
import type { Logger } from '../log';

/**
 * The admin's desk (§28) through main's one door to central: nothing is kept or queued here, since an
 * account created, disabled or unlocked "later" would be a surprise; central answers now or the admin hears
 * that it is unreachable. Central checks the permission and audits every change.
 */
export interface AdminService {
  accounts(): Promise<AdminAnswer<AccountView[]>>;
  createAccount(account: NewAccount): Promise<AdminAnswer<AccountView>>;
  changeAccount(id: string, changes: AccountChanges): Promise<AdminAnswer<AccountView>>;
  unlockAccount(id: string): Promise<AdminAnswer<AccountView>>;
  importTerritories(file: TerritoryImport): Promise<AdminAnswer<{ imported: number }>>;
  services(): Promise<AdminAnswer<ServiceEntry[]>>;
  createService(service: NewService): Promise<AdminAnswer<ServiceEntry>>;
  changeService(id: string, changes: ServiceChanges): Promise<AdminAnswer<ServiceEntry>>;
  units(departmentId: string): Promise<AdminAnswer<UnitEntry[]>>;
  createUnit(unit: NewUnit): Promise<AdminAnswer<UnitEntry>>;
  changeUnit(id: string, changes: UnitChanges): Promise<AdminAnswer<UnitEntry>>;
}

function answerOf<T, U>(result: CentralResult<T>, pick: (value: T) => U): AdminAnswer<U> {
  if (result.ok) return { ok: true, value: pick(result.value) };
  const { failure } = result;
  if (failure.kind !== 'http') return { ok: false, offline: true };
  return { ok: false, refusal: failure.refusal ?? { code: 'unknown', params: {} } };
}

export function createAdminService(deps: { central: SignedInCentral; log: Logger }): AdminService {
  const { central } = deps;
  const same = <T>(v: T) => v;
  return {
    accounts: async () => answerOf(await central.call('GET /api/accounts', {}), (v) => v.accounts),
    async createAccount(account) {
      const answer = answerOf(await central.call('POST /api/accounts', { body: account }), same);
      if (answer.ok) deps.log.info('admin.accountCreated', { role: answer.value.role });
      return answer;
    },
    async changeAccount(id, changes) {
      const answer = answerOf(
        await central.call('PATCH /api/accounts/:id', { params: { id }, body: changes }),
        same,
      );
      if (answer.ok) deps.log.info('admin.accountChanged', { fields: Object.keys(changes).join(',') });
      return answer;
    },
    unlockAccount: async (id) =>
      answerOf(await central.call('POST /api/accounts/:id/unlock', { params: { id } }), same),
    async importTerritories(file) {
      const answer = answerOf(await central.call('POST /api/territories/import', { body: file }), same);
      if (answer.ok) deps.log.info('admin.territoriesImported', { count: answer.value.imported });
      return answer;
    },
    services: async () =>
      answerOf(await central.call('GET /api/directories/services', {}), (v) => v.services),
    async createService(service) {
      const answer = answerOf(await central.call('POST /api/directories/services', { body: service }), same);
      if (answer.ok) deps.log.info('admin.serviceCreated', { serviceId: answer.value.id });
      return answer;
    },
    async changeService(id, changes) {
      const answer = answerOf(
        await central.call('PATCH /api/directories/services/:id', { params: { id }, body: changes }),
        same,
      );
      if (answer.ok) deps.log.info('admin.serviceChanged', { fields: Object.keys(changes).join(',') });
      return answer;
    },
    units: async (departmentId) =>
      answerOf(await central.call('GET /api/directories/units', { query: { departmentId } }), (v) => v.units),
    async createUnit(unit) {
      const answer = answerOf(await central.call('POST /api/directories/units', { body: unit }), same);
      if (answer.ok) deps.log.info('admin.unitCreated', { unitId: answer.value.id });
      return answer;
    },
    async changeUnit(id, changes) {
      const answer = answerOf(
        await central.call('PATCH /api/directories/units/:id', { params: { id }, body: changes }),
        same,
      );
      if (answer.ok)
        deps.log.info('admin.unitChanged', { unitId: id, fields: Object.keys(changes).join(',') });
      return answer;
    },
  };
}
