import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { listKeyTarget, rowsPerPage } from '../../shell/listKeyTarget';
import { BoardCardPanel } from './BoardCardPanel';
import { BoardRow } from './BoardRow';
import { BOARD_IDS } from './ids';
import { boardOrder } from './selectors';
import { useSecond } from './useSecond';

const ROW_HEIGHT = 64;

/**
 * The senior inspector's board (§10, §13): the territory's cards from sent to closed, waiting ones first, each
 * with its age and acknowledgement timer, virtualised like the inbox; the selected card's panel beside it.
 * Live as central's feed and socket move the cards; offline it is the last copy, said plainly.
 */
export function BoardView() {
  const { t } = useTranslation('board');
  const cards = useConsole((s) => s.cards);
  const limits = useConsole((s) => s.boardLimits);
  const selectedId = useConsole((s) => s.boardSelectedId);
  const select = useConsole((s) => s.selectBoardCard);
  const loadSettings = useConsole((s) => s.loadBoardSettings);
  const offline = useConsole((s) => s.connectivity !== null && s.connectivity.state !== 'online');
  const escalations = useConsole((s) => s.escalations);
  const board = useMemo(() => boardOrder(cards), [cards]);
  const now = useSecond();
  const scroller = useRef<HTMLDivElement>(null);
  const index = Math.max(
    0,
    board.findIndex((c) => c.id === selectedId),
  );
  const virtualizer = useVirtualizer({
    count: board.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);
  // The first card is selected when nothing (or a card no longer on the board) is.
  useEffect(() => {
    if (board.length > 0 && !board.some((c) => c.id === selectedId)) select(board[0]?.id ?? null);
  }, [board, selectedId, select]);
  useEffect(() => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new selection only, like the inbox
  }, [selectedId]);

  const onKey = (event: KeyboardEvent) => {
    const page = rowsPerPage(scroller.current?.clientHeight, ROW_HEIGHT);
    const to = listKeyTarget(event.key, index, board.length, page);
    if (to === null) return;
    event.preventDefault();
    const card = board[to];
    if (card) select(card.id);
  };
  const selected = board.find((c) => c.id === selectedId);

  return (
    <div className="board-view">
      <section className="panel board" aria-labelledby="board-title">
        <div className="panel__head">
          <h2 id="board-title">{t('title')}</h2>
          <span className="muted" data-testid="board-count">
            {t('count', { count: board.length })}
          </span>
        </div>
        {offline && (
          <p className="banner banner--warning" role="status" data-testid="board-stale">
            {t('stale')}
          </p>
        )}
        <div
          id={BOARD_IDS.list}
          ref={scroller}
          className="board__list"
          role="listbox"
          tabIndex={0}
          aria-labelledby="board-title"
          aria-activedescendant={selected ? `board-${selected.id}` : undefined}
          onKeyDown={onKey}
          data-testid="board-list"
        >
          {board.length === 0 && <p className="muted">{t('empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const card = board[row.index];
              if (!card) return null;
              const rung = escalations.some((e) => e.cardId === card.id);
              return (
                <div
                  key={card.id}
                  id={`board-${card.id}`}
                  className={`board__slot${rung ? ' board__slot--rung' : ''}`}
                  style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => select(card.id)}
                >
                  <BoardRow card={card} selected={card.id === selectedId} now={now} limits={limits} />
                </div>
              );
            })}
          </div>
        </div>
      </section>
      {selected ? <BoardCardPanel cardId={selected.id} /> : <p className="panel muted">{t('select')}</p>}
    </div>
  );
}
