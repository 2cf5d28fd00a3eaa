import { useTranslation } from 'react-i18next';

/**
 * Host mode only: the tab lost its console (stopped or restarting). It covers the screen and the frame
 * behind it is inert, so nothing typed goes nowhere; the bridge reconnects by itself and the overlay goes.
 * `refused`: the console runs but this tab's address is not its own; waiting will not help, a new address will.
 */
export function ConsoleLostOverlay({ refused }: { refused: boolean }) {
  const { t } = useTranslation('shell');
  const texts = refused ? 'consoleRefused' : 'consoleLost';
  return (
    <div className="overlay overlay--blocking" role="presentation">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="console-lost-title"
        aria-describedby="console-lost-body"
        data-testid={refused ? 'console-refused' : 'console-lost'}
      >
        <h2 id="console-lost-title">{t(`${texts}.title`)}</h2>
        <p id="console-lost-body">{t(`${texts}.body`)}</p>
      </div>
    </div>
  );
}
