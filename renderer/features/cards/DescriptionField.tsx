import { type ClipboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_LIMITS } from '../../../domain/cards/card';

/** The counter shows from this share of the limit on: far from it, it is only noise. */
const COUNTER_FROM = 0.9;
const MAX = CARD_LIMITS.descriptionMax;

/**
 * The description, never cut without a word: near the limit a counter shows, and a paste that does not fit is
 * inserted as far as it fits with a note of how much was left out (the browser's `maxLength` would cut silently).
 */
export function DescriptionField({
  value,
  readOnly,
  onChange,
}: {
  value: string;
  readOnly: boolean;
  onChange(value: string): void;
}) {
  const { t, i18n } = useTranslation('cardForm');
  const hint = useTranslation('cards').t('descriptionHint');
  const [cut, setCut] = useState(0);
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);

  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const area = event.currentTarget;
    const pasted = event.clipboardData.getData('text/plain');
    const room = MAX - (area.value.length - (area.selectionEnd - area.selectionStart));
    if (pasted.length <= room) return setCut(0);
    event.preventDefault();
    const kept = pasted.slice(0, Math.max(0, room));
    const caret = area.selectionStart + kept.length;
    onChange(area.value.slice(0, area.selectionStart) + kept + area.value.slice(area.selectionEnd));
    setCut(pasted.length - kept.length);
    requestAnimationFrame(() => area.setSelectionRange(caret, caret));
  };

  return (
    <>
      <textarea
        id="card-description"
        rows={6}
        maxLength={MAX}
        readOnly={readOnly}
        placeholder={hint}
        value={value}
        aria-describedby="card-description-limit"
        onPaste={paste}
        onChange={(event) => {
          if (event.target.value.length < MAX) setCut(0);
          onChange(event.target.value);
        }}
      />
      <div id="card-description-limit" aria-live="polite">
        {value.length >= MAX * COUNTER_FROM && (
          <p className="muted" data-testid="description-counter">
            {t('description.counter', { used: number(value.length), max: number(MAX) })}
          </p>
        )}
        {cut > 0 && (
          <p className="banner banner--warning" role="alert">
            {t('description.cut', { max: number(MAX), cut: number(cut) })}
          </p>
        )}
      </div>
    </>
  );
}
