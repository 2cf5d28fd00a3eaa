import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { viewerOf } from '../../../domain/appeals/attachmentView';
import { IsolatedText } from '../../shell/IsolatedText';
import { useConsole } from '../../store';
import { attachmentProblemText } from './problemText';

const ZOOM_STEP = 1.25;
const ZOOM_MIN = 0.25;
const ZOOM_MAX = 8;

/**
 * The attachment on screen, inside the console (issue 12, item 1): a photo fitted to the window or zoomed, a
 * voice message in an audio player, a video in a video player. Keys: ← → the other attachments of the appeal,
 * + − 0 zoom and fit, Esc closes and gives the focus back to where it was. Bytes come as a blob: URL (the CSP
 * allows blob: for images and media only).
 */
export function AttachmentViewer() {
  const { t, i18n } = useTranslation('attachments');
  const viewer = useConsole((s) => s.attachmentViewer);
  const step = useConsole((s) => s.stepAttachment);
  const close = useConsole((s) => s.closeAttachmentViewer);
  /** Null: the photo fits the window; otherwise its scale against its own size. */
  const [zoom, setZoom] = useState<number | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const open = viewer !== null;
  const attachment = viewer?.attachments[viewer.index];

  useEffect(() => {
    if (!open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => returnTo.current?.focus();
  }, [open]);
  useEffect(() => setZoom(null), [attachment?.id]);
  if (!viewer || !attachment) return null;

  const zoomBy = (factor: number) =>
    setZoom((z) => Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, (z ?? 1) * factor)));
  const kind = viewerOf(attachment.contentType);
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // A player's own arrow keys seek; they are not the viewer's.
    const inPlayer = event.target instanceof HTMLMediaElement;
    const actions: Record<string, (() => void) | undefined> = {
      Escape: close,
      ArrowLeft: inPlayer ? undefined : () => step(-1),
      ArrowRight: inPlayer ? undefined : () => step(1),
      '+': kind === 'image' ? () => zoomBy(ZOOM_STEP) : undefined,
      '=': kind === 'image' ? () => zoomBy(ZOOM_STEP) : undefined,
      '-': kind === 'image' ? () => zoomBy(1 / ZOOM_STEP) : undefined,
      '0': kind === 'image' ? () => setZoom(null) : undefined,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
  const count = viewer.attachments.length;

  return (
    <div className="overlay" role="presentation" onClick={close}>
      <div
        ref={dialog}
        className="dialog attachment-viewer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="attachment-viewer-title"
        tabIndex={-1}
        onKeyDown={onKey}
        onClick={(event) => event.stopPropagation()}
        data-testid="attachment-viewer"
      >
        <div className="attachment-viewer__head">
          <h2 id="attachment-viewer-title">
            {t('viewer.title', { kind: t(`kinds.${attachment.kind}`), position: viewer.index + 1, count })}
          </h2>
          <IsolatedText className="attachment-viewer__name muted" text={attachment.name} />
        </div>
        <div
          className={`attachment-viewer__stage${zoom === null ? '' : ' attachment-viewer__stage--zoomed'}`}
        >
          {viewer.problem ? (
            <p className="banner banner--error" role="alert" data-testid="attachment-problem">
              {attachmentProblemText(i18n.t, i18n.language, viewer.problem)}
            </p>
          ) : !viewer.url ? (
            <p className="muted" role="status">
              {t('viewer.opening')}
            </p>
          ) : kind === 'image' ? (
            <img
              src={viewer.url}
              alt={t('viewer.photo', { name: attachment.name })}
              className="attachment-viewer__photo"
              style={zoom === null ? undefined : { width: `calc(var(--natural-width) * ${zoom})` }}
              onLoad={(event) =>
                event.currentTarget.style.setProperty(
                  '--natural-width',
                  `${event.currentTarget.naturalWidth}px`,
                )
              }
              data-testid="attachment-photo"
            />
          ) : kind === 'audio' ? (
            <audio
              src={viewer.url}
              controls
              className="attachment-viewer__audio"
              data-testid="attachment-audio"
            />
          ) : kind === 'video' ? (
            <video
              src={viewer.url}
              controls
              className="attachment-viewer__video"
              data-testid="attachment-video"
            />
          ) : (
            <p className="muted">{t('viewer.unviewable')}</p>
          )}
        </div>
        <p className="muted attachment-viewer__keys">{t('viewer.keys')}</p>
        <div className="attachment-viewer__actions">
          <button type="button" onClick={() => step(-1)} disabled={count < 2}>
            {t('viewer.previous')} <kbd>←</kbd>
          </button>
          <button type="button" onClick={() => step(1)} disabled={count < 2}>
            {t('viewer.next')} <kbd>→</kbd>
          </button>
          {kind === 'image' && viewer.url && (
            <>
              <button type="button" onClick={() => zoomBy(ZOOM_STEP)}>
                {t('viewer.zoomIn')} <kbd>+</kbd>
              </button>
              <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)}>
                {t('viewer.zoomOut')} <kbd>−</kbd>
              </button>
              <button type="button" onClick={() => setZoom(null)}>
                {t('viewer.fit')} <kbd>0</kbd>
              </button>
            </>
          )}
          <button type="button" onClick={close} data-testid="attachment-viewer-close">
            {t('viewer.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
