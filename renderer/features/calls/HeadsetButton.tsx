import { useTranslation } from 'react-i18next';
import { useHeadset } from './useHeadset';

/** Connects the headset's call buttons (shown only where the browser or Electron offers WebHID). */
export function HeadsetButton() {
  const { t } = useTranslation('calls');
  const headset = useHeadset();
  if (!headset.available) return null;
  return headset.connected ? (
    <p className="muted">{t('headset.connected')}</p>
  ) : (
    <button type="button" className="ghost" onClick={headset.choose}>
      {t('headset.connect')}
    </button>
  );
}
