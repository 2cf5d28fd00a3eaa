import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardFile, FileUploadState } from '../../../domain/files/cardFile';
import { PHOTO_TYPES } from '../../../domain/files/cardFile';
import { useConsole } from '../../store';
import { PHOTO_INPUT_ID, openPhotoChooser } from './photoChooser';
import type { PhotoProblem } from './photosSlice';
import { CommandKbd } from '../../commands/CommandKbd';

type Translate = (key: string, options?: Record<string, string | number>) => string;

function uploadText(upload: FileUploadState, withCentral: boolean, t: Translate) {
  switch (upload.state) {
    case 'waiting':
      return withCentral ? t('photos.upload.waiting') : t('photos.upload.kept');
    case 'uploading':
      return t('photos.upload.uploading', { percent: upload.percent });
    case 'uploaded':
      return t('photos.upload.uploaded');
    case 'purged':
      return t('photos.upload.purged');
    case 'failed':
      return t(`photos.upload.failed.${upload.reason}`);
  }
}

function problemText(problem: PhotoProblem, t: Translate) {
  const name = problem.name || t('photos.unnamed');
  if ('refusal' in problem) return t(`photos.refusal.${problem.refusal}`, { name });
  return `${t('photos.notAttached', { name })} ${t(`common:${problem.error.messageKey}`)}`;
}

function PhotoItem({ file }: { file: CardFile }) {
  const { t, i18n } = useTranslation('cards');
  const preview = useConsole((s) => s.photoPreviews[file.id]);
  const loadPhotoPreview = useConsole((s) => s.loadPhotoPreview);
  const withCentral = useConsole((s) => Boolean(s.appInfo?.centralUrl));
  useEffect(() => {
    if (!preview && file.kind === 'photo' && file.upload.state !== 'purged') void loadPhotoPreview(file.id);
  }, [preview, file.id, file.kind, file.upload.state, loadPhotoPreview]);
  const megabytes = file.size >= 1024 * 1024;
  const value = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
    megabytes ? file.size / (1024 * 1024) : Math.max(0.1, file.size / 1024),
  );
  const size = t(megabytes ? 'photos.size.mb' : 'photos.size.kb', { value });
  const { upload } = file;
  return (
    <li className="card-photo" data-testid="card-photo">
      {preview ? (
        <img className="card-photo__thumb" src={preview} alt={file.name} />
      ) : (
        <span className="card-photo__thumb" />
      )}
      <span className="card-photo__about">
        {/* The name came from the operator's disk: React shows it as text. */}
        <span className="card-photo__name" title={file.name}>
          {file.name || t('photos.unnamed')}
        </span>
        <span className="muted">{size}</span>
        <span
          className={`card-photo__upload card-photo__upload--${upload.state}`}
          data-testid="card-photo-upload"
          role={upload.state === 'failed' ? 'alert' : undefined}
        >
          {uploadText(upload, withCentral, t)}
        </span>
        {upload.state === 'uploading' && (
          <progress max={100} value={upload.percent} aria-label={uploadText(upload, withCentral, t)} />
        )}
      </span>
    </li>
  );
}

/** The photos of the card on screen: attach by button, Alt+P or dropping them onto the card. */
export function CardPhotos() {
  const { t } = useTranslation('cards');
  const cardId = useConsole((s) => s.editor.id);
  const all = useConsole((s) => s.cardFiles.files);
  // Call recordings are files of the card too; this section is about photos.
  const files = useMemo(() => all.filter((file) => file.kind === 'photo'), [all]);
  const attaching = useConsole((s) => s.attachingPhotos > 0);
  const problems = useConsole((s) => s.photoProblems);
  const showCardFiles = useConsole((s) => s.showCardFiles);
  const attachPhotos = useConsole((s) => s.attachPhotos);
  useEffect(() => {
    void showCardFiles(cardId);
  }, [cardId, showCardFiles]);

  return (
    <section className="card-photos" aria-labelledby="card-photos-title">
      <div className="card-photos__head">
        <h3 id="card-photos-title">{t('photos.title')}</h3>
        <button type="button" onClick={openPhotoChooser} disabled={attaching}>
          {attaching ? t('photos.attaching') : t('photos.attach')} <CommandKbd command="cards.attachPhoto" />
        </button>
        <input
          id={PHOTO_INPUT_ID}
          type="file"
          accept={PHOTO_TYPES.join(',')}
          multiple
          hidden
          aria-label={t('photos.choose')}
          onChange={(event) => {
            const chosen = Array.from(event.target.files ?? []);
            // Cleared so that choosing the same file again is noticed.
            event.target.value = '';
            void attachPhotos(chosen);
          }}
        />
      </div>
      <p className="muted">{cardId ? t('photos.hint') : `${t('photos.hint')} ${t('photos.hintNew')}`}</p>
      {problems.length > 0 && (
        <div className="banner banner--error" role="alert">
          {problems.map((problem, index) => (
            <p key={index}>{problemText(problem, t)}</p>
          ))}
        </div>
      )}
      {files.length > 0 ? (
        <ul className="card-photos__list">
          {files.map((file) => (
            <PhotoItem key={file.id} file={file} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('photos.none')}</p>
      )}
    </section>
  );
}
