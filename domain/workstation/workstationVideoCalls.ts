import type {
  Localized,
  ReadinessItem,
  VideoCallReadiness,
  VideoCallReason,
  WorkstationReadiness,
  WorkstationReport,
  WorkstationRequirements,
} from './workstation';
import { ITEM_TITLES, NOT_CHECKED, UNKNOWN_REASONS } from './workstationAdvice';

/** Whether this workstation may take video calls under the configured policy (§27 applied to calls). */

function reasonText(item: ReadinessItem): Localized {
  const title = ITEM_TITLES[item.id];
  if (item.status === 'unknown') {
    const why = UNKNOWN_REASONS[item.unknownReason?.code ?? 'probe_failed'];
    return {
      kk: `${title.kk}: тексеру мүмкін болмады — ${why.kk}`,
      ru: `${title.ru}: не удалось проверить — ${why.ru}`,
      en: `${title.en}: could not check — ${why.en}`,
    };
  }
  if (item.valueText === null) {
    return { kk: `${title.kk}: табылмады`, ru: `${title.ru}: не найдено`, en: `${title.en}: not found` };
  }
  return {
    kk: `${title.kk}: ${item.valueText.kk} (талап ${item.threshold.kk})`,
    ru: `${title.ru}: ${item.valueText.ru} (требуется ${item.threshold.ru})`,
    en: `${title.en}: ${item.valueText.en} (required ${item.threshold.en})`,
  };
}

/**
 * Video calls under the configured policy: a failed required item blocks them under `block` and warns
 * under `warn`; an unknown or a failed optional item only warns, since "could not tell" is not "cannot".
 */
export function videoCallReadiness(
  items: ReadinessItem[],
  policy: WorkstationRequirements['videoCallPolicy'],
): VideoCallReadiness {
  const relevant = items.filter((i) => i.forVideoCalls && i.status !== 'pass');
  const reasons: VideoCallReason[] = relevant.map((i) => ({
    item: i.id,
    status: i.status === 'fail' ? 'fail' : 'unknown',
    text: reasonText(i),
  }));
  const hardFailure = relevant.some((i) => i.required && i.status === 'fail');
  const state = hardFailure && policy === 'block' ? 'blocked' : reasons.length > 0 ? 'warned' : 'allowed';
  return { state, policy, reasons };
}

/** What the call feature reads: the last report's video-call verdict under the policy configured now. */
export function readinessOf(
  report: WorkstationReport | null,
  policy: WorkstationRequirements['videoCallPolicy'],
): WorkstationReadiness {
  if (!report) {
    return {
      videoCalls: {
        state: 'warned',
        policy,
        reasons: [{ item: null, status: 'not_checked', text: NOT_CHECKED }],
      },
      verdict: null,
      checkedAt: null,
    };
  }
  return {
    videoCalls: videoCallReadiness(report.items, policy),
    verdict: report.verdict,
    checkedAt: report.checkedAt,
  };
}
