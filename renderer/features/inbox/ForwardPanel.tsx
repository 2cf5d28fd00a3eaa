import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../domain/inbox/inbox';
import { useConsole } from '../../store';

/** §12: a non-urgent text goes to the competent service, with a reason; an SOS alarm or a call never does. */
export function ForwardPanel({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation('inbox');
  const services = useConsole((s) => s.services);
  const forward = useConsole((s) => s.forward);
  const cancel = useConsole((s) => s.cancelForward);
  const [serviceId, setServiceId] = useState('');
  const [reason, setReason] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  if (item.kind !== 'text') return <p className="banner banner--error">{t('forward.onlyText')}</p>;
  return (
    <form
      className="inbox__forward"
      aria-label={t('forward.title')}
      onSubmit={(event) => {
        event.preventDefault();
        if (serviceId && reason.trim()) void forward(serviceId, reason);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancel();
      }}
    >
      <label>
        {t('forward.service')}
        <select
          ref={first}
          id="inbox-forward-service"
          value={serviceId}
          onChange={(e) => setServiceId(e.target.value)}
        >
          <option value="">{t('forward.chooseService')}</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {i18n.language === 'kk' ? s.nameKk : s.nameRu}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('forward.reason')}
        <textarea
          id="inbox-forward-reason"
          rows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={!serviceId || !reason.trim()}>
          {t('forward.send')}
        </button>
        <button type="button" className="ghost" onClick={cancel}>
          {t('forward.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
