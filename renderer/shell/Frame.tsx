import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { commandsInForce } from '../commands/availability';
import { KeysInForceContext } from '../commands/CommandKbd';
import { useHotkeys } from '../commands/useHotkeys';
import { can } from '../../domain/session/roles';
import { CallDock } from '../features/calls';
import { ReadinessStatus } from '../features/workstation';
import { SessionBadge, SignInScreen } from '../features/session';
import { SyncStatusBar } from '../features/sync';
import { useConsole } from '../store';
import { CommandRefusalNotice } from './CommandRefusalNotice';
import { EscalationNotice } from '../features/board';
import { AttachmentViewer } from '../features/attachments';
import { ConnectivityIndicator } from './ConnectivityIndicator';
import { ConsoleLostOverlay } from './ConsoleLostOverlay';
import { HotkeyHelp } from './HotkeyHelp';
import { LanguageSwitch } from './LanguageSwitch';
import { sectionsFor } from './navigation';
import { ThemeSwitch } from './ThemeSwitch';

/**
 * The app frame: who is working, the sections for that role, language, theme and help on top;
 * the link to central, unsent operations and workstation readiness in the status bar below.
 */
export function Frame() {
  const transport = useConsole((s) => s.transport);
  const away = transport === 'lost' || transport === 'refused';
  return (
    <>
      {/* Behind the overlay nothing takes focus, clicks or keys: what the form holds stays as it was. */}
      <div className="frame-root" inert={away}>
        <FrameContent />
      </div>
      {away && <ConsoleLostOverlay refused={transport === 'refused'} />}
    </>
  );
}

function FrameContent() {
  const { t } = useTranslation();
  useHotkeys();
  const info = useConsole((s) => s.appInfo);
  const transport = useConsole((s) => s.transport);
  const view = useConsole((s) => s.view);
  const showView = useConsole((s) => s.showView);
  const toggleHelp = useConsole((s) => s.toggleHelp);
  const session = useConsole((s) => s.session);
  const sessionLoaded = useConsole((s) => s.sessionLoaded);
  // IT's keys over the defaults, for the section buttons and every button's shortcut (CommandKbd).
  const keysInForce = useMemo(
    () => new Map(info ? commandsInForce({ appInfo: info }).map((c) => [c.id, c.keys]) : []),
    [info],
  );
  if (!info) {
    return (
      <div className="splash" role="status">
        {transport === 'lost' ? t('connectivity.lost') : t('loading')}
      </div>
    );
  }
  // With a central system, work starts with signing in; without one the console works alone in its configured role.
  if (info.centralUrl && !sessionLoaded)
    return (
      <div className="splash" role="status">
        {t('loading')}
      </div>
    );
  if (info.centralUrl && !session)
    return (
      <>
        <SignInScreen />
        <CommandRefusalNotice />
        <HotkeyHelp />
      </>
    );
  const sections = sectionsFor(info.role);
  const active = sections.find((s) => s.id === view) ?? sections[0];
  return (
    <KeysInForceContext.Provider value={keysInForce}>
      <div className="frame">
        <header className="topbar">
          <div className="brand">
            <span className="brand__mark" aria-hidden="true">
              102
            </span>
            <span className="brand__name">{t('appTitle')}</span>
            <span className="badge" data-testid="role">
              {t(`roles.${info.role}`)}
            </span>
          </div>
          <nav className="nav" aria-label={t('nav.label')}>
            {sections.map((section) => (
              <button
                key={section.id}
                type="button"
                aria-current={active?.id === section.id ? 'page' : undefined}
                onClick={() => showView(section.id)}
              >
                {t(section.label)} <kbd>{keysInForce.get(`section.${section.id}`) ?? section.keys}</kbd>
              </button>
            ))}
          </nav>
          <div className="topbar__status">
            <SessionBadge />
            <LanguageSwitch />
            <ThemeSwitch />
            <button type="button" className="ghost" onClick={() => toggleHelp(true)}>
              {t('hotkeys.open')}
            </button>
          </div>
        </header>
        <div className="frame__body">
          <main className="workspace">{active && <active.View />}</main>
          {info.centralUrl && (can(info.role, 'calls.accept') || info.role === 'supervisor') && <CallDock />}
        </div>
        {/* The state of the link, the outbox and the workstation, always in the same place, like a status bar. */}
        <footer className="statusbar" aria-label={t('statusbar.label')}>
          <ConnectivityIndicator />
          {info.centralUrl && <SyncStatusBar />}
          <ReadinessStatus />
        </footer>
        <EscalationNotice />
        <CommandRefusalNotice />
        <AttachmentViewer />
        <HotkeyHelp />
      </div>
    </KeysInForceContext.Provider>
  );
}
