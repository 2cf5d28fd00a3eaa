import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEAL_LIMITS } from '../../../domain/appeals/appeal';
import type { CardChatMessage } from '../../../domain/chat/chat';
import { IsolatedText } from '../../shell/IsolatedText';
import { useConsole } from '../../store';
import { describeRefusal } from '../refusals';

function LineState({ message }: { message: CardChatMessage }) {
  const { t, i18n } = useTranslation('cards');
  // Without central the line waits here; the operator must know the citizen has not got it.
  const offline = useConsole((s) => s.connectivity?.state === 'offline');
  // The citizen's lines came from central; only this console's own lines have a journey to show.
  if (message.from === 'citizen') return null;
  const { sync } = message;
  switch (sync.state) {
    case 'sending':
      return (
        <span className="chat-line__state">{t(offline ? 'chat.state.waiting' : 'chat.state.sending')}</span>
      );
    case 'sent':
      return <span className="chat-line__state">{t('chat.state.sent')}</span>;
    case 'rejected':
      return (
        <span className="chat-line__state chat-line__state--rejected" role="alert">
          {t('chat.state.rejected', {
            reason: describeRefusal(
              t,
              i18n.language,
              sync.code ? { code: sync.code, params: sync.params ?? {} } : null,
            ),
          })}
        </span>
      );
  }
}

/** The chat with the applicant of the card's appeal: the lines so far and a box to write in. */
/** The reply box: Alt+R (inbox.reply) puts the focus here. */
export const CHAT_INPUT_ID = 'chat-input';

export function ChatPanel({ cardId }: { cardId: string }) {
  const { t, i18n } = useTranslation('cards');
  const chat = useConsole((s) => (s.chat?.cardId === cardId ? s.chat : null));
  const sending = useConsole((s) => s.chatSending);
  const problem = useConsole((s) => s.chatProblem);
  const loadChat = useConsole((s) => s.loadChat);
  const sendChat = useConsole((s) => s.sendChat);
  const [text, setText] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const atNewest = useRef(true);

  useEffect(() => {
    setText('');
    void loadChat(cardId);
  }, [cardId, loadChat]);

  const lines = chat?.messages.length ?? 0;
  useEffect(() => {
    // The newest line is the one that matters: keep it in view.
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [lines]);
  // A line's state or the language can make the lines taller: the newest stays in view, unless the operator
  // has scrolled up to read.
  useLayoutEffect(() => {
    if (atNewest.current) list.current?.scrollTo({ top: list.current.scrollHeight });
  });

  async function send() {
    if (text.trim() === '') return;
    if (await sendChat(cardId, text)) setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter is a new line; a composing input method keeps its Enter.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  }

  return (
    <section className="panel chat-panel" aria-labelledby="chat-title">
      <h2 id="chat-title">{t('chat.title')}</h2>
      <ol
        className="chat-panel__lines"
        ref={list}
        role="log"
        aria-labelledby="chat-title"
        onScroll={(event) => {
          const el = event.currentTarget;
          atNewest.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {chat?.messages.map((m) => (
          <li key={m.id} className={`chat-line chat-line--${m.from}`} data-testid="chat-line">
            <span className="chat-line__head">
              <strong>{m.from === 'citizen' ? t('chat.citizen') : t('chat.staff')}</strong>
              <time dateTime={m.createdAt}>
                {new Date(m.createdAt).toLocaleTimeString(i18n.language, { timeStyle: 'short' })}
              </time>
              <LineState message={m} />
            </span>
            <IsolatedText className="chat-line__text" text={m.text} />
          </li>
        ))}
      </ol>
      {chat && lines === 0 && <p className="muted">{t('chat.empty')}</p>}
      {problem && (
        <p className="banner banner--error" role="alert">
          {'refusal' in problem
            ? t(`chat.refusal.${problem.refusal}`)
            : t(`common:${problem.error.messageKey}`)}
        </p>
      )}
      <label htmlFor={CHAT_INPUT_ID}>{t('chat.input')}</label>
      <textarea
        id={CHAT_INPUT_ID}
        rows={2}
        maxLength={APPEAL_LIMITS.chatMax}
        placeholder={t('chat.placeholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="chat-panel__actions">
        <span className="muted">{t('chat.hint')}</span>
        <button type="button" onClick={() => void send()} disabled={sending || text.trim() === ''}>
          {t('chat.send')}
        </button>
      </div>
    </section>
  );
}
