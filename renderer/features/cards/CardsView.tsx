import { Suspense, useEffect } from 'react';
import { can } from '../../../domain/session/roles';
import { useConsole } from '../../store';
import { IncidentMap } from '../map';
import { CardForm } from './CardForm';
import { CardList } from './CardList';
import { ChatPanel } from '../chat/ChatPanel';
import { BoardCardPanel, selectCardWarnings } from '../board';
import { UnitsPanel } from '../units';
import { loadCountryCheck } from './countryCheck';
import { editorPoint, placeEdit } from './editor';
import { useCardActions } from './useCardActions';

/**
 * The operator's workplace: the cards on this console, the card being filled in, and the map (with the chat
 * with the card's applicant below it when the card answers a citizen's appeal and the role may chat).
 */
export function CardsView() {
  const editor = useConsole((s) => s.editor);
  const editCard = useConsole((s) => s.editCard);
  const warnings = useConsole(selectCardWarnings(editor.id));
  const mayChat = useConsole((s) => (s.appInfo ? can(s.appInfo.role, 'appeals.chat') : false));
  const hasAppeal = useConsole((s) => Boolean(s.cards.find((c) => c.id === s.editor.id)?.appealId));
  const picked = editorPoint(editor);
  const { editFields } = useCardActions();
  const countryOutlineLoaded = useConsole((s) => s.countryOutlineLoaded);
  useEffect(() => {
    // Without the outline a place abroad is not yet marked; it is checked on the next save once loaded.
    void loadCountryCheck().then(countryOutlineLoaded, () => undefined);
  }, [countryOutlineLoaded]);
  return (
    <div className="cards-view">
      <CardList />
      <CardForm />
      <div className="cards-view__side">
        <Suspense fallback={null}>
          <IncidentMap
            picked={picked}
            onPick={(point) => {
              if (editFields)
                editCard(
                  placeEdit(editor, {
                    lat: point.lat.toFixed(5),
                    lon: point.lon.toFixed(5),
                    locationSource: 'map',
                  }),
                );
            }}
          />
        </Suspense>
        {editor.id && mayChat && hasAppeal && <ChatPanel cardId={editor.id} />}
        {editor.id && <BoardCardPanel cardId={editor.id} compact />}
        {editor.id && <UnitsPanel cardId={editor.id} place={picked} warnings={warnings} />}
      </div>
    </div>
  );
}
