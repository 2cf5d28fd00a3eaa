import { useConsole } from '../../store';
import { IncidentMap } from '../map';
import { CardForm } from './CardForm';
import { CardList } from './CardList';

/** The operator's workplace: the cards on this console, the card being filled in, and the map. */
export function CardsView() {
  const editor = useConsole((s) => s.editor);
  const editCard = useConsole((s) => s.editCard);
  const lat = Number(editor.lat);
  const lon = Number(editor.lon);
  const picked =
    editor.lat !== '' && editor.lon !== '' && Number.isFinite(lat) && Number.isFinite(lon)
      ? { lat, lon }
      : null;
  return (
    <div className="cards-view">
      <CardList />
      <CardForm />
      <IncidentMap
        picked={picked}
        onPick={(point) =>
          editCard({ lat: point.lat.toFixed(5), lon: point.lon.toFixed(5), locationSource: 'map' })
        }
      />
    </div>
  );
}
