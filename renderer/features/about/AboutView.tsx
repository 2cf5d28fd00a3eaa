import './about.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { IgnoredConfigValue } from '../../../domain/diagnostics/diagnostics';
import { useConsole } from '../../store';
import { ignoredHotkeys } from '../../commands/availability';

const REASONS = new Set([
  'not_json',
  'invalid_type',
  'invalid_value',
  'invalid_format',
  'too_big',
  'too_small',
  'unrecognized_keys',
  'unreadable',
]);

/** IT's screen: what this console is, where its data is, the settings in force and where each came from. */
export function AboutView() {
  const { t, i18n } = useTranslation('about');
  const about = useConsole((s) => s.about);
  const failed = useConsole((s) => s.aboutFailed);
  const load = useConsole((s) => s.loadAbout);
  const bundle = useConsole((s) => s.diagnosticsBundle);
  const writeBundle = useConsole((s) => s.writeDiagnosticsBundle);
  const hotkeysIgnored = useConsole(ignoredHotkeys);
  useEffect(() => {
    void load();
  }, [load]);

  const reason = (ignored: IgnoredConfigValue) =>
    t(`reasons.${REASONS.has(ignored.reason) ? ignored.reason : 'other'}`, {
      values: ignored.values.join(', '),
    });
  // Kazakh writes numbers as Russian does (5,8); Chromium's own Kazakh number data writes a decimal point.
  const numberLocale = i18n.language === 'kk' ? 'ru' : i18n.language;
  const kilobytes = (bytes: number) =>
    new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 }).format(bytes / 1024);

  return (
    <section className="panel about" aria-labelledby="about-title">
      <div className="panel__head">
        <h2 id="about-title">{t('title')}</h2>
      </div>
      {failed && <p role="alert">{t('loadFailed')}</p>}
      {about && (
        <>
          <dl className="about__facts">
            <dt>{t('version')}</dt>
            <dd data-testid="about-version">{about.version}</dd>
            <dt>{t('runtime')}</dt>
            <dd>{t(`runtimes.${about.runtime}`)}</dd>
            <dt>{t('dataDir')}</dt>
            <dd>
              <code>{about.dataDir}</code>
            </dd>
            <dt>{t('logDir')}</dt>
            <dd>
              <code>{about.logDir}</code>
            </dd>
          </dl>

          <h3>{t('locations.title')}</h3>
          <ol className="about__locations">
            <li>
              {t('locations.machine')}: <code>{about.locations.machine ?? t('locations.none')}</code>
            </li>
            <li>
              {t('locations.user')}: <code>{about.locations.user}</code>
            </li>
            <li>
              {t('locations.policy')}: <code>{about.locations.policy}</code>
            </li>
          </ol>

          <h3>{t('config.title')}</h3>
          <table className="about__table" data-testid="about-config">
            <thead>
              <tr>
                <th scope="col">{t('config.field')}</th>
                <th scope="col">{t('config.value')}</th>
                <th scope="col">{t('config.source')}</th>
              </tr>
            </thead>
            <tbody>
              {about.values.map((value) => (
                <tr key={value.field} data-field={value.field} data-source={value.source}>
                  <th scope="row">
                    <code>{value.field}</code>
                  </th>
                  <td className="about__value">
                    {value.value === 'null' ? (
                      <span className="muted">{t('config.notSet')}</span>
                    ) : (
                      <code>{value.value}</code>
                    )}
                  </td>
                  <td className={`about__source about__source--${value.source}`}>
                    {t(`sources.${value.source}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>{t('ignored.title')}</h3>
          {about.ignored.length === 0 ? (
            <p className="muted">{t('ignored.none')}</p>
          ) : (
            <>
              <p>{t('ignored.intro')}</p>
              <table className="about__table" data-testid="about-ignored">
                <thead>
                  <tr>
                    <th scope="col">{t('ignored.where')}</th>
                    <th scope="col">{t('ignored.field')}</th>
                    <th scope="col">{t('ignored.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {about.ignored.map((ignored, index) => (
                    <tr key={`${ignored.source}-${ignored.field}-${index}`}>
                      <td>
                        {t(`sources.${ignored.source}`)}
                        <br />
                        <code className="about__location">{ignored.location}</code>
                      </td>
                      <td>{ignored.field ? <code>{ignored.field}</code> : t('ignored.wholeFile')}</td>
                      <td>{reason(ignored)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}

      <h3>{t('hotkeys.title')}</h3>
      {hotkeysIgnored.length === 0 ? (
        <p className="muted">{t('hotkeys.none')}</p>
      ) : (
        <>
          <p>{t('hotkeys.intro')}</p>
          <table className="about__table" data-testid="about-ignored-hotkeys">
            <thead>
              <tr>
                <th scope="col">{t('hotkeys.command')}</th>
                <th scope="col">{t('hotkeys.keys')}</th>
                <th scope="col">{t('hotkeys.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {hotkeysIgnored.map((ignored) => (
                <tr key={`${ignored.command}-${ignored.reason}`}>
                  <td>
                    <code>{ignored.command}</code>
                  </td>
                  <td>
                    <kbd>{ignored.keys}</kbd>
                  </td>
                  <td>{t(`hotkeys.reasons.${ignored.reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h3>{t('bundle.title')}</h3>
      <p className="muted">{t('bundle.intro')}</p>
      <div className="about__bundle">
        <button type="button" onClick={() => void writeBundle()} disabled={bundle.state === 'writing'}>
          {t('bundle.write')}
        </button>
        {bundle.state === 'writing' && <progress aria-label={t('bundle.writing')} />}
        <p role="status" data-testid="about-bundle-status">
          {bundle.state === 'writing' && t('bundle.writing')}
          {bundle.state === 'written' &&
            t('bundle.written', { file: bundle.bundle.file, size: kilobytes(bundle.bundle.bytes) })}
        </p>
        {bundle.state === 'failed' && <p role="alert">{t('bundle.failed')}</p>}
      </div>
    </section>
  );
}
