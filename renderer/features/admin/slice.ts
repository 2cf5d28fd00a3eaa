import type { StateCreator } from 'zustand';
import type { AccountChanges, AccountView, AdminAnswer, NewAccount } from '../../../domain/admin/account';
import type {
  NewService,
  NewUnit,
  ServiceChanges,
  ServiceEntry,
  UnitChanges,
  UnitEntry,
} from '../../../domain/admin/directories';
import type { ApiResult, ConsoleBridge } from '../../../domain/contract/ipc';
import type { TerritoryImport } from '../../../domain/places/territory';
import type { ConsoleState } from '../../store';

/** Why the admin's request did not happen: central's refusal, or central (or main) unreachable. */
export type AdminProblem = Exclude<AdminAnswer<never>, { ok: true }>;

const unreachable: AdminProblem = { ok: false, offline: true };

export interface AdminSlice {
  // State
  /** The accounts as central listed them last; null until asked. */
  adminAccounts: AccountView[] | null;
  /** Why the list could not be read, shown above it. */
  adminAccountsProblem: AdminProblem | null;
  /** The competent services with their competence as central listed them last; null until asked. */
  adminServices: ServiceEntry[] | null;
  adminServicesProblem: AdminProblem | null;
  // Actions
  loadAccounts(): Promise<void>;
  /** Each answers what central said; on success the list is read again (sessions, locks). */
  createAccount(account: NewAccount): Promise<AdminAnswer<AccountView>>;
  changeAccount(id: string, changes: AccountChanges): Promise<AdminAnswer<AccountView>>;
  unlockAccount(id: string): Promise<AdminAnswer<AccountView>>;
  importTerritories(file: TerritoryImport): Promise<AdminAnswer<{ imported: number }>>;
  loadServices(): Promise<void>;
  /** Each answers what central said; on success the directory is read again. */
  createService(service: NewService): Promise<AdminAnswer<ServiceEntry>>;
  changeService(id: string, changes: ServiceChanges): Promise<AdminAnswer<ServiceEntry>>;
  /** One department's patrol units and СОГ as central listed them last; null until asked. */
  adminUnits: { departmentId: string; units: UnitEntry[] } | null;
  adminUnitsProblem: AdminProblem | null;
  loadUnitDirectory(departmentId: string): Promise<void>;
  /** Each answers what central said; on success the unit's department is read again. */
  createUnit(unit: NewUnit): Promise<AdminAnswer<UnitEntry>>;
  changeUnit(id: string, changes: UnitChanges): Promise<AdminAnswer<UnitEntry>>;
}

export const createAdminSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], AdminSlice> =>
  (set, get) => {
    /** A call whose transport failed is an unreachable central to the admin: nothing was done. */
    const ask = async <T>(call: Promise<ApiResult<AdminAnswer<T>>>): Promise<AdminAnswer<T>> => {
      const result = await call;
      return result.ok ? result.value : unreachable;
    };
    async function changed<T>(answer: AdminAnswer<T>): Promise<AdminAnswer<T>> {
      if (answer.ok) await get().loadAccounts();
      return answer;
    }
    async function servicesChanged<T>(answer: AdminAnswer<T>): Promise<AdminAnswer<T>> {
      if (answer.ok) await get().loadServices();
      return answer;
    }
    async function unitsChanged(answer: AdminAnswer<UnitEntry>): Promise<AdminAnswer<UnitEntry>> {
      if (answer.ok) await get().loadUnitDirectory(answer.value.departmentId);
      return answer;
    }
    return {
      adminAccounts: null,
      adminAccountsProblem: null,
      adminServices: null,
      adminServicesProblem: null,
      adminUnits: null,
      adminUnitsProblem: null,
      async loadAccounts() {
        const answer = await ask(bridge.call('admin.accounts', {}));
        if (answer.ok) set({ adminAccounts: answer.value, adminAccountsProblem: null });
        else set({ adminAccountsProblem: answer });
      },
      createAccount: async (account) => changed(await ask(bridge.call('admin.createAccount', account))),
      changeAccount: async (id, changes) =>
        changed(await ask(bridge.call('admin.changeAccount', { id, changes }))),
      unlockAccount: async (id) => changed(await ask(bridge.call('admin.unlockAccount', { id }))),
      importTerritories: async (file) => ask(bridge.call('admin.importTerritories', file)),
      async loadServices() {
        const answer = await ask(bridge.call('admin.services', {}));
        if (answer.ok) set({ adminServices: answer.value, adminServicesProblem: null });
        else set({ adminServicesProblem: answer });
      },
      createService: async (service) =>
        servicesChanged(await ask(bridge.call('admin.createService', service))),
      changeService: async (id, changes) =>
        servicesChanged(await ask(bridge.call('admin.changeService', { id, changes }))),
      async loadUnitDirectory(departmentId) {
        const answer = await ask(bridge.call('admin.units', { departmentId }));
        if (answer.ok) set({ adminUnits: { departmentId, units: answer.value }, adminUnitsProblem: null });
        else set({ adminUnitsProblem: answer });
      },
      createUnit: async (unit) => unitsChanged(await ask(bridge.call('admin.createUnit', unit))),
      changeUnit: async (id, changes) =>
        unitsChanged(await ask(bridge.call('admin.changeUnit', { id, changes }))),
    };
  };
