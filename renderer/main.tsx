import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { connectTransport } from './bridge';
import { ignoredHotkeys } from './commands/availability';
import { reportWindowErrors } from './features/about/reportWindowErrors';
import { createI18n, pickedLanguage, savedLanguage } from './i18n';
import { Frame } from './shell/Frame';
import { unitsPerFrame } from './features/units';
import { ConsoleStoreContext, createConsoleStore } from './store';

async function boot(): Promise<void> {
  const transport = connectTransport();
  reportWindowErrors(transport.bridge);
  const store = createConsoleStore(transport.bridge);
  const i18n = await createI18n(savedLanguage());

  const applyTheme = () => (document.documentElement.dataset.theme = store.getState().theme);
  applyTheme();
  store.subscribe(applyTheme);
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => (document.documentElement.lang = language));

  let lostSinceLoad = false;
  transport.onState((state) => {
    store.getState().setTransport(state);
    if (state === 'lost') lostSinceLoad = true;
    // The console that answers again may have restarted: read what it holds again; the form this tab holds stays.
    if (state === 'open' && lostSinceLoad) {
      lostSinceLoad = false;
      void store.getState().loadShell();
      void store.getState().loadCards();
      void store.getState().loadSync();
      void store.getState().loadSession();
      void store.getState().loadReference();
      void store.getState().loadRinging();
      void store.getState().loadUnits();
    }
  });
  transport.bridge.on('connectivity.changed', (connectivity) =>
    store.getState().setConnectivity(connectivity),
  );
  transport.bridge.on('cards.changed', ({ card }) => store.getState().cardChanged(card));
  transport.bridge.on('cards.left', ({ cardId }) => store.getState().cardLeft(cardId));
  transport.bridge.on('cards.filesChanged', ({ cardId, files }) =>
    store.getState().cardFilesChanged(cardId, files),
  );
  transport.bridge.on('chat.changed', ({ appealId }) => store.getState().chatChanged(appealId));
  transport.bridge.on('sync.changed', (status) => {
    store.getState().syncChanged(status);
    store.getState().boardQueueMoved();
  });
  transport.bridge.on('session.changed', ({ session }) => {
    store.getState().sessionChanged(session);
    void store.getState().loadUnits();
  });
  transport.bridge.on('workstation.changed', ({ report, readiness }) =>
    store.getState().workstationChanged(report, readiness),
  );
  transport.bridge.on('workstation.progress', (progress) => store.getState().readinessProgressed(progress));
  transport.bridge.on('reference.changed', ({ kind }) => void store.getState().loadReference(kind));
  transport.bridge.on('calls.event', (event) => store.getState().callEvent(event));
  transport.bridge.on('inbox.changed', () => void store.getState().loadInbox());
  transport.bridge.on('centre.changed', () => void store.getState().loadCentre());
  transport.bridge.on('board.changed', ({ cardId }) => store.getState().boardChanged(cardId));
  transport.bridge.on('board.escalated', (card) => store.getState().cardEscalated(card));
  const unitsArrived = unitsPerFrame((units) => store.getState().unitsChanged(units));
  transport.bridge.on('units.changed', ({ units }) => unitsArrived(units));
  // Until the operator picks a language here, the screens speak the one IT set for the workstation (issue 15).
  void store
    .getState()
    .loadShell()
    .then(() => {
      const configured = store.getState().appInfo?.language;
      if (configured && !pickedLanguage()) void i18n.changeLanguage(configured);
      // IT's hotkeys that cannot be used go to main's log (and are listed in About): which, and why.
      for (const ignored of ignoredHotkeys(store.getState()))
        void transport.bridge.call('log.write', {
          level: 'warn',
          event: 'hotkeys.ignored',
          detail: `${ignored.command} ${ignored.keys}: ${ignored.reason}`,
        });
    });
  void store.getState().loadCards();
  void store.getState().loadSync();
  void store.getState().loadSession();
  void store.getState().loadReference();
  void store.getState().startReadiness();
  void store.getState().loadRinging();
  void store.getState().loadUnits();

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ConsoleStoreContext.Provider value={store}>
          <Frame />
        </ConsoleStoreContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
