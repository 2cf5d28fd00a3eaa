import { useConsole } from '../../store';
import { IncidentMap } from '../map';
import { CardForm } from './CardForm';
import { CardList } from './CardList';
import { editorPoint } from './editor';

/** The operator's workplace: the cards on this console, the card being filled in, and the map. */
export function CardsView() {
  const editor = useConsole((s) => s.editor);
  const editCard = useConsole((s) => s.editCard);
  const picked = editorPoint(editor);
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
