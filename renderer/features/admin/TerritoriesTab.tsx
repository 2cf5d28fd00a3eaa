import { type ChangeEvent, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createCountryCheck } from '../../../domain/places/country';
import { type TerritoryImport, TerritoryGeometrySchema } from '../../../domain/places/territory';
import { type TerritoryFileProblem, readTerritoryFile } from '../../../domain/places/territoryFile';
import { useConsole } from '../../store';
import { TerritoryPreviewMap, loadBaseLayer } from '../map';
import { departmentName } from '../reference';
import { describeRefusal } from '../refusals';
import { problemText } from './problemText';
import type { AdminProblem } from './slice';

/** The file as read: refused here with its reason, or shown for the admin to look at before importing. */
type Reading =
  | { state: 'none' }
  | { state: 'refused'; problem: TerritoryFileProblem }
  | { state: 'preview'; file: TerritoryImport }
  | { state: 'imported'; count: number }
  | { state: 'failed'; file: TerritoryImport; problem: AdminProblem };

async function countryCheck() {
  const base = await loadBaseLayer();
  return createCountryCheck(TerritoryGeometrySchema.parse(base.country.features[0]?.geometry));
}

/**
 * Official territories from a GeoJSON file (§8, §28): read and checked here (domain/places/territoryFile.ts,
 * the rule central applies again), shown on the map, and imported only when the admin says so.
 */
export function TerritoriesTab() {
  const { t, i18n } = useTranslation('admin');
  const importTerritories = useConsole((s) => s.importTerritories);
  const departments = useConsole((s) => s.departments);
  const [reading, setReading] = useState<Reading>({ state: 'none' });
  const [busy, setBusy] = useState(false);
  /** Each file read gets its own preview map, opened on its outlines. */
  const [previewKey, setPreviewKey] = useState(0);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const checked = readTerritoryFile(await chosen.text(), await countryCheck());
    setPreviewKey((k) => k + 1);
    setReading(
      checked.ok ? { state: 'preview', file: checked.file } : { state: 'refused', problem: checked.problem },
    );
    event.target.value = '';
  };
  const commit = async (file: TerritoryImport) => {
    setBusy(true);
    const answer = await importTerritories(file);
    setBusy(false);
    setReading(
      answer.ok
        ? { state: 'imported', count: answer.value.imported }
        : { state: 'failed', file, problem: answer },
    );
  };
  const nameOf = (id: string) => {
    const d = departments.find((x) => x.id === id);
    return d ? departmentName(d, i18n.language) : id;
  };
  const file = reading.state === 'preview' || reading.state === 'failed' ? reading.file : null;
  const territories = file?.features.map((f) => ({
    departmentId: f.properties.departmentId,
    geometry: f.geometry,
  }));

  return (
    <div className="admin-tab">
      <p className="muted">{t('territories.intro')}</p>
      <label htmlFor="admin-territory-file">
        {t('territories.choose')}
        <input
          id="admin-territory-file"
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          onChange={(e) => void choose(e)}
        />
      </label>
      {reading.state === 'refused' && (
        <p role="alert" data-testid="territory-refusal">
          {describeRefusal(i18n.t, i18n.language, reading.problem)}
        </p>
      )}
      {reading.state === 'failed' && (
        <p role="alert" data-testid="territory-refusal">
          {problemText(reading.problem, i18n.t, i18n.language)}
        </p>
      )}
      {reading.state === 'imported' && (
        <p role="status" data-testid="territory-imported">
          {t('territories.imported', { count: reading.count })}
        </p>
      )}
      {file && territories && (
        <>
          <h3>{t('territories.previewTitle', { count: territories.length })}</h3>
          <Suspense fallback={null}>
            <TerritoryPreviewMap
              key={previewKey}
              territories={territories}
              label={t('territories.mapLabel')}
            />
          </Suspense>
          <h4>{t('territories.departmentsInFile')}</h4>
          <ul data-testid="territory-departments">
            {territories.map((x) => (
              <li key={x.departmentId}>{nameOf(x.departmentId)}</li>
            ))}
          </ul>
          <div className="admin-actions">
            <button type="button" disabled={busy} onClick={() => void commit(file)}>
              {t('territories.import')}
            </button>
            <button type="button" className="ghost" onClick={() => setReading({ state: 'none' })}>
              {t('territories.discard')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
