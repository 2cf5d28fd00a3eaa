import { useTranslation } from 'react-i18next';
import { describeRefusal } from '../refusals';
import type { UnitsNotice } from './slice';

/** What the last action of the units panel came to, in the reader's language (never central's English). */
export function UnitsNoticeLine({ notice }: { notice: NonNullable<UnitsNotice> }) {
  const { t, i18n } = useTranslation('units');
  const refused = notice.kind === 'statusRefused' || notice.kind === 'statusOffline';
  const text = (() => {
    switch (notice.kind) {
      case 'dispatched':
      case 'queued':
        return t(notice.kind, { callSigns: notice.callSigns.join(', ') });
      case 'statusSet':
        return t('statusSet', { callSign: notice.callSign, status: t(`statuses.${notice.status}`) });
      case 'statusOffline':
        return t('statusOffline');
      case 'statusRefused':
        return t('statusRefused', {
          reason: describeRefusal(i18n.t, i18n.language, { code: notice.code, params: {} }),
        });
    }
  })();
  return (
    <p role="status" className={refused ? 'banner banner--error' : undefined} data-testid="units-notice">
      {text}
    </p>
  );
}
