import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../domain/cards/card';
import { type InboxItem, type InboxQueuedAction, duplicateFinder } from '../../../domain/inbox/inbox';
import { describeRefusal } from '../refusals';
import { useConsole } from '../../store';
import { listKeyTarget, rowsPerPage } from '../../shell/listKeyTarget';
import { ForwardPanel } from './ForwardPanel';
import { AppealAttachments } from '../attachments';
import { CommandKbd } from '../../commands/CommandKbd';

export const INBOX_LIST_ID = 'inbox-list';
/** The inbox follows central's socket (`inbox.changed`); this refresh only covers a socket that is down. */
const REFRESH_MS = 15_000;
const ROW_HEIGHT = 76;

/** "Now", a minute at a time: waiting times move without re-rendering the list on every frame. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** What this console did to the item while central was out of reach: queued, or refused by central since. */
function QueuedMark({ action }: { action: InboxQueuedAction }) {
  const { t, i18n } = useTranslation('inbox');
  if (action.state === 'queued')
    return (
      <span className="badge badge--sending" data-testid="inbox-queued">
        {t(`queued.${action.action}`)}
      </span>
    );
  // A line of its own: the reason is read in full, not cut off at the end of the item's head.
  return (
    <div className="inbox-row__refused" role="status" data-testid="inbox-action-refused">
      {t(`queuedRefused.${action.action}`, {
        reason: describeRefusal(i18n.t, i18n.language, { code: action.code ?? 'unknown', params: {} }),
      })}
    </div>
  );
}

/**
 * One item, drawn from its props alone: what marks it (this console's claim, a queued action, the card it may
 * repeat) is worked out by the list once per change, so a row is drawn again only when its own item or marks
 * change, not for every refresh of 10,000 items or every change elsewhere in the store.
 */
const InboxRow = memo(function InboxRow({
  item,
  selected,
  now,
  action,
  claimedHere,
  duplicateOf,
}: {
  item: InboxItem;
  selected: boolean;
  now: number;
  /** The last action this console queued on the item, if any. */
  action: InboxQueuedAction | undefined;
  claimedHere: boolean;
  duplicateOf: Card | null;
}) {
  const { t } = useTranslation('inbox');
  // A claim queued here that central refused is not ours: the other operator's claim stands.
  const mine = claimedHere && action?.state !== 'refused';
  const minutes = Math.max(0, Math.floor((now - Date.parse(item.receivedAt)) / 60_000));
  return (
    <div
      className={`inbox-row inbox-row--${item.kind}`}
      aria-selected={selected}
      role="option"
      data-testid="inbox-item"
    >
      <div className="inbox-row__head">
        <span className="badge inbox-row__kind">{t(`kinds.${item.kind}`)}</span>
        <span>{t(`channels.${item.channel}`)}</span>
        <span className="muted">{t(`languages.${item.language}`)}</span>
        <span className="muted">{t('waiting', { minutes })}</span>
        {item.anonymous && <span className="badge">{t('anonymous')}</span>}
        {item.claimedBy && (
          <span className="badge badge--sending" data-testid="inbox-claimed">
            {mine ? t('claimedByMe') : t('claimedByOther')}
          </span>
        )}
        {action?.state === 'queued' && <QueuedMark action={action} />}
        {duplicateOf && (
          <span className="badge badge--sending" data-testid="inbox-duplicate">
            {t('duplicate', { number: duplicateOf.number ?? duplicateOf.localNumber })}
          </span>
        )}
      </div>
      {/* The citizen's words are text, never markup: React escapes them, and the line is cut, not the layout. */}
      <div className="inbox-row__text">{item.text?.slice(0, 300) ?? ''}</div>
      {action?.state === 'refused' ? (
        <QueuedMark action={action} />
      ) : (
        <div className="muted inbox-row__place">
          {item.addressText?.slice(0, 200) ??
            (item.location
              ? `${item.location.lat.toFixed(4)}, ${item.location.lon.toFixed(4)}`
              : t('noPlace'))}
          {item.attachments.length > 0 && ` · ${t('attachments', { count: item.attachments.length })}`}
        </div>
      )}
    </div>
  );
});

/** The operator's inbox (issue 12): one virtualised list of everything waiting, most urgent first. */
export function InboxView() {
  const { t, i18n } = useTranslation('inbox');
  const items = useConsole((s) => s.inboxItems);
  const live = useConsole((s) => s.inboxLive);
  const loaded = useConsole((s) => s.inboxLoaded);
  const fetchedAt = useConsole((s) => s.inboxFetchedAt);
  const selected = useConsole((s) => s.inboxSelected);
  const notice = useConsole((s) => s.inboxNotice);
  const forwarding = useConsole((s) => s.forwarding);
  const actions = useConsole((s) => s.inboxActions);
  const claimedHere = useConsole((s) => s.claimedHere);
  const cards = useConsole((s) => s.cards);
  const queuedCount = actions.filter((a) => a.state === 'queued').length;
  const lastAction = useMemo(() => new Map(actions.map((a) => [a.appealId, a])), [actions]);
  const claimed = useMemo(() => new Set(claimedHere), [claimedHere]);
  const duplicateOf = useMemo(() => duplicateFinder(cards), [cards]);
  const loadInbox = useConsole((s) => s.loadInbox);
  const select = useConsole((s) => s.selectInboxItem);
  const open = useConsole((s) => s.openCardFromInbox);
  const startForward = useConsole((s) => s.startForward);
  const reply = useConsole((s) => s.replyFromInbox);
  const now = useMinute();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  useEffect(() => {
    void loadInbox();
    const timer = setInterval(() => void loadInbox(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadInbox]);
  // Only a new selection brings its row into view: a list that refreshes never pulls the operator's scroll back.
  useEffect(() => {
    virtualizer.scrollToIndex(selected, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new selection only, by design (above)
  }, [selected]);

  const onKey = (event: KeyboardEvent) => {
    const page = rowsPerPage(scroller.current?.clientHeight, ROW_HEIGHT);
    const to = listKeyTarget(event.key, selected, items.length, page);
    if (to !== null) {
      event.preventDefault();
      select(to);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void open();
    }
  };

  return (
    <div className="inbox-view">
      <section className="panel inbox" aria-labelledby="inbox-title">
        <div className="panel__head">
          <h2 id="inbox-title">{t('title')}</h2>
          <span className="muted" data-testid="inbox-count">
            {t('count', { count: items.length })}
          </span>
        </div>
        {loaded && !live && (
          <p className="banner banner--warning" role="status" data-testid="inbox-offline">
            {fetchedAt
              ? t('offline', {
                  time: new Date(fetchedAt).toLocaleTimeString(i18n.language),
                  minutes: Math.max(0, Math.floor((now - Date.parse(fetchedAt)) / 60_000)),
                })
              : t('neverFetched')}
          </p>
        )}
        {queuedCount > 0 && (
          <p className="banner" role="status" data-testid="inbox-queued-count">
            {t('queuedCount', { count: queuedCount })}
          </p>
        )}
        {notice && (
          <p
            className={`banner ${notice.kind === 'refused' || notice.kind === 'offline' ? 'banner--error' : ''}`}
            role="status"
            data-testid="inbox-notice"
          >
            {notice.kind === 'forwarded'
              ? t('forward.done', {
                  service: i18n.language === 'kk' ? notice.service.nameKk : notice.service.nameRu,
                })
              : notice.kind === 'offline'
                ? t('offlineAction')
                : notice.kind === 'queued'
                  ? t(`queuedNotice.${notice.action}`)
                  : notice.kind === 'noDuplicate'
                    ? t('link.none')
                    : notice.kind === 'linked'
                      ? t('link.done', { number: notice.number })
                      : t('refused', {
                          reason: describeRefusal(i18n.t, i18n.language, { code: notice.code, params: {} }),
                        })}
          </p>
        )}
        <div className="inbox__actions">
          <button type="button" onClick={() => void open()} disabled={items.length === 0}>
            {t('actions.open')} <CommandKbd command="inbox.open" />
          </button>
          <button type="button" onClick={() => void reply()} disabled={items.length === 0}>
            {t('actions.reply')} <CommandKbd command="inbox.reply" />
          </button>
          <button
            type="button"
            onClick={() => void startForward()}
            disabled={items[selected]?.kind !== 'text'}
          >
            {t('actions.forward')} <CommandKbd command="inbox.forward" />
          </button>
        </div>
        {forwarding && <ForwardPanel item={forwarding} />}
        {items[selected] && <AppealAttachments appealId={items[selected].appealId} />}
        <div
          id={INBOX_LIST_ID}
          ref={scroller}
          className="inbox__list"
          role="listbox"
          tabIndex={0}
          aria-labelledby="inbox-title"
          aria-activedescendant={items[selected] ? `inbox-${items[selected].appealId}` : undefined}
          onKeyDown={onKey}
          data-testid="inbox-list"
        >
          {items.length === 0 && loaded && <p className="muted">{t('empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const item = items[row.index];
              if (!item) return null;
              return (
                <div
                  key={item.appealId}
                  id={`inbox-${item.appealId}`}
                  className="inbox__slot"
                  style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => select(row.index)}
                  onDoubleClick={() => void open()}
                >
                  <InboxRow
                    item={item}
                    selected={row.index === selected}
                    now={now}
                    action={lastAction.get(item.appealId)}
                    claimedHere={claimed.has(item.appealId)}
                    duplicateOf={duplicateOf(item)}
                  />
                </div>
              );
            })}
          </div>
        </div>
      </section>
    </div>
  );
}
