import { useTranslation } from 'react-i18next';
import type { CallQualitySummary } from '../../../domain/calls/callQuality';

/**
 * The quality figures the operator's console measured during the card's call (issue 13.4), beside its
 * recordings: a supervisor hearing a poor recording sees whether the network was the cause.
 */
export function CallQualityFigures({ quality }: { quality: CallQualitySummary }) {
  const { t, i18n } = useTranslation('recordings');
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const spread = (range: { min: number; avg: number; max: number } | null, unit: 'ms' | 'kbps') =>
    range
      ? t(`quality.${unit}`, {
          avg: format.format(range.avg),
          min: format.format(range.min),
          max: format.format(range.max),
        })
      : '—';
  return (
    <section
      className="card-recordings__quality"
      aria-labelledby="call-quality-title"
      data-testid="call-quality"
    >
      <h4 id="call-quality-title">{t('quality.title')}</h4>
      <dl className="call-view__stats">
        <dt>{t('quality.rtt')}</dt>
        <dd data-testid="quality-rtt" data-avg={quality.rttMs?.avg}>
          {spread(quality.rttMs, 'ms')}
        </dd>
        <dt>{t('quality.loss')}</dt>
        <dd data-testid="quality-loss">
          {quality.lossPercentMax === null
            ? '—'
            : t('quality.percent', { value: format.format(quality.lossPercentMax) })}
        </dd>
        <dt>{t('quality.bitrate')}</dt>
        <dd data-testid="quality-bitrate" data-avg={quality.bitrateKbps?.avg}>
          {spread(quality.bitrateKbps, 'kbps')}
        </dd>
        <dt>{t('quality.frames')}</dt>
        <dd data-testid="quality-frames" data-value={quality.framesDecoded}>
          {format.format(quality.framesDecoded)}
        </dd>
      </dl>
      <p className="muted">{t('quality.measured')}</p>
    </section>
  );
}
