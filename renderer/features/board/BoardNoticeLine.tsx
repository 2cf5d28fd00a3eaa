import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { type Translate, describeRefusal } from '../refusals';
import type { BoardNotice } from './slice';

function textOf(notice: BoardNotice, t: Translate, refusalText: (code: string) => string): string {
  switch (notice.kind) {
    case 'checked':
      return notice.found > 0 ? t('check.found', { count: notice.found }) : t('check.clean');
    case 'offline':
      return t('notice.offline');
    case 'queued':
      return t('notice.queued');
    case 'queuedDone':
      return t('notice.queuedDone');
    case 'refused':
      return t('notice.refused', { reason: refusalText(notice.code) });
  }
}

/** A record found or a check still to make is a warning; a refusal or central out of reach, an error. */
function toneOf(notice: BoardNotice): string {
  switch (notice.kind) {
    case 'checked':
      return notice.found > 0 ? 'banner--warning' : '';
    case 'queued':
    case 'queuedDone':
      return 'banner--warning';
    case 'offline':
    case 'refused':
      return 'banner--error';
  }
}

/** What the last board action on this card came to: checked, queued, refused (translated), or central out of reach. */
export function BoardNoticeLine({ cardId }: { cardId: string }) {
  const { t, i18n } = useTranslation('board');
  const notice = useConsole((s) => (s.boardNotice?.cardId === cardId ? s.boardNotice : null));
  if (!notice) return null;
  const text = textOf(notice, t, (code) => describeRefusal(i18n.t, i18n.language, { code, params: {} }));
  return (
    <p className={`banner ${toneOf(notice)}`} role="status" data-testid="board-notice">
      {text}
    </p>
  );
}
