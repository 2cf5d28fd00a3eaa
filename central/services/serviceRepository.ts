import type { CompetentService } from '../../domain/inbox/inbox';
import type { Sql } from '../db/database';

interface ServiceRow {
  id: string;
  name_kk: string;
  name_ru: string;
}
const rowToService = (r: ServiceRow): CompetentService => ({
  id: r.id,
  nameKk: r.name_kk,
  nameRu: r.name_ru,
});

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
