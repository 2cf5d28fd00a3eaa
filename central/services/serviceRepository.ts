import type { NewService, ServiceChanges, ServiceEntry } from '../../domain/admin/directories';
import type { CompetentService } from '../../domain/inbox/inbox';
import type { Sql } from '../db/database';

interface ServiceRow {
  id: string;
  name_kk: string;
  name_ru: string;
  competence_kk: string;
  competence_ru: string;
}
const rowToService = (r: ServiceRow): CompetentService => ({
  id: r.id,
  nameKk: r.name_kk,
  nameRu: r.name_ru,
});
const rowToEntry = (r: ServiceRow): ServiceEntry => ({
  ...rowToService(r),
  competenceKk: r.competence_kk,
  competenceRu: r.competence_ru,
});
/** The columns a ServiceChanges field writes. */
const CHANGE_COLUMNS = {
  nameKk: 'name_kk',
  nameRu: 'name_ru',
  competenceKk: 'competence_kk',
  competenceRu: 'competence_ru',
} as const satisfies Record<keyof ServiceChanges, string>;

/** The directory of competent services (§12.4) a non-urgent text may be forwarded to. */
export function createServiceDirectory(db: Sql) {
  return {
    async list(): Promise<CompetentService[]> {
      return (await db.query<ServiceRow>('select * from competent_services order by id')).map(rowToService);
    },
    async byId(id: string): Promise<CompetentService | null> {
      const row = (await db.query<ServiceRow>('select * from competent_services where id = $1', [id]))[0];
      return row ? rowToService(row) : null;
    },
    /** The admin's directory: every service with its competence. */
    async entries(): Promise<ServiceEntry[]> {
      return (await db.query<ServiceRow>('select * from competent_services order by id')).map(rowToEntry);
    },
    /** A new service; null when its id is taken. */
    async insert(service: NewService): Promise<ServiceEntry | null> {
      const rows = await db.query<ServiceRow>(
        `insert into competent_services (id, name_kk, name_ru, competence_kk, competence_ru)
         values ($1, $2, $3, $4, $5) on conflict (id) do nothing returning *`,
        [service.id, service.nameKk, service.nameRu, service.competenceKk, service.competenceRu],
      );
      return rows[0] ? rowToEntry(rows[0]) : null;
    },
    /** The fields given, changed; null when there is no such service. */
    async update(id: string, changes: ServiceChanges): Promise<ServiceEntry | null> {
      const fields = (Object.keys(CHANGE_COLUMNS) as (keyof ServiceChanges)[]).filter(
        (field) => changes[field] !== undefined,
      );
      const sets = fields.map((field, i) => `${CHANGE_COLUMNS[field]} = $${i + 2}`).join(', ');
      const rows = await db.query<ServiceRow>(
        `update competent_services set ${sets} where id = $1 returning *`,
        [id, ...fields.map((field) => changes[field])],
      );
      return rows[0] ? rowToEntry(rows[0]) : null;
    },
    async upsert(services: readonly CompetentService[]): Promise<void> {
      for (const s of services)
        await db.query(
          `insert into competent_services (id, name_kk, name_ru) values ($1, $2, $3)
           on conflict (id) do update set name_kk = excluded.name_kk, name_ru = excluded.name_ru`,
          [s.id, s.nameKk, s.nameRu],
        );
    },
  };
}
export type ServiceDirectory = ReturnType<typeof createServiceDirectory>;

/** Demo data: the services a "102" operations centre forwards non-urgent texts to most often. */
export const DEMO_SERVICES: readonly CompetentService[] = [
  { id: 'akimat', nameKk: 'Әкімдіктің қоғамдық қабылдау бөлмесі', nameRu: 'Общественная приёмная акимата' },
  {
    id: 'housing',
    nameKk: 'Тұрғын үй-коммуналдық шаруашылық қызметі',
    nameRu: 'Служба жилищно-коммунального хозяйства',
  },
  { id: 'ecology', nameKk: 'Экология департаменті', nameRu: 'Департамент экологии' },
  {
    id: 'emergency',
    nameKk: 'Төтенше жағдайлар қызметі (112)',
    nameRu: 'Служба по чрезвычайным ситуациям (112)',
  },
  {
    id: 'animals',
    nameKk: 'Қаңғыбас жануарларды аулау қызметі',
    nameRu: 'Служба отлова безнадзорных животных',
  },
];
