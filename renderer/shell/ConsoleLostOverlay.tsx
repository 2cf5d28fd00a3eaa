import { useTranslation } from 'react-i18next';

/**
 * Host mode only: the tab lost its console (stopped or restarting). It covers the screen and the frame
 * behind it is inert, so nothing typed goes nowhere; the bridge reconnects by itself and the overlay goes.
 */
export function ConsoleLostOverlay() {
  const { t } = useTranslation('shell');
  return (
    <div className="overlay overlay--blocking" role="presentation">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="console-lost-title"
        aria-describedby="console-lost-body"
        data-testid="console-lost"
      >
        <h2 id="console-lost-title">{t('consoleLost.title')}</h2>
        <p id="console-lost-body">{t('consoleLost.body')}</p>
      </div>
    </div>
  );
}
