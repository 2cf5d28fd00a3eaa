import { useTranslation } from 'react-i18next';
import type { LatLon } from '../../../domain/places/geo';
import { useConsole } from '../../store';
import { departmentName, territoryRouterFor } from '../reference';

/**
 * Whose territory the incident's place is in, from the offline outlines: the operator sees where the card
 * will be routed (§8) before sending it, and at once when a place is outside their own area.
 */
export function TerritoryHint({ point }: { point: LatLon | null }) {
  const { t, i18n } = useTranslation('cards');
  const territories = useConsole((s) => s.territories);
  const departments = useConsole((s) => s.departments);
  const national = useConsole((s) => !s.session?.departmentId);
  if (!point || territories.length === 0) return null;
  const id = territoryRouterFor(territories).locate(point);
  const department = id ? departments.find((d) => d.id === id) : undefined;
  return (
    <p className="muted" data-testid="card-territory">
      {id
        ? t('territory.inside', { name: department ? departmentName(department, i18n.language) : id })
        : t(national ? 'territory.nowhere' : 'territory.outside')}
    </p>
  );
}
