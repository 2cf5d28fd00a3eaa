import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CardRecording } from '../../../domain/files/recording';
import { RecordedCallsList } from '../../../renderer/features/recordings/RecordedCallsList';
import { createI18n } from '../../../renderer/i18n';

const appealId = uuidv7();
const part = (n: number, startedAt: string, durationMs: number): CardRecording => ({
  fileId: uuidv7(),
  kind: 'call',
  startedAt,
  durationMs,
  mimeType: 'video/webm;codecs=vp8,opus',
  size: 1000,
  sha256: 'ab'.repeat(32),
  callPart: { appealId, part: n },
  cardId: uuidv7(),
  accountId: null,
  receivedAt: startedAt,
});

/** The list a supervisor reads: one call in two parts, in the glossary's words (issue 13 items 5, 6). */
describe('the card’s recordings list, a call recorded in two parts', () => {
  const render = async (language: 'kk' | 'ru' | 'en') => {
    const i18n = await createI18n(language);
    const recordings = [
      part(2, new Date(2026, 10, 30, 10, 0, 48).toISOString(), 20_000),
      part(1, new Date(2026, 10, 30, 10, 0, 5).toISOString(), 37_000),
    ];
    return renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n },
        createElement(RecordedCallsList, { recordings, onPlay: () => undefined }),
      ),
    );
  };

  it('shows one call, "part 1 of 2" then "part 2 of 2", each start and duration, and the gap between', async () => {
    const html = await render('en');
    expect(html.match(/data-testid="card-recorded-call"/g)).toHaveLength(1);
    expect(html.indexOf('Part 1 of 2')).toBeLessThan(html.indexOf('Part 2 of 2'));
    expect(html).toContain('from 10:00:05');
    expect(html).toContain('duration 0:37');
    expect(html).toContain('Not recorded for 0:06 before this part');
  });

  it('says it in Kazakh and Russian', async () => {
    const kk = await render('kk');
    expect(kk).toContain('2 бөліктің 1-бөлігі');
    expect(kk).toContain('Бұл бөліктің алдында жазылмаған уақыт: 0:06');
    const ru = await render('ru');
    expect(ru).toContain('Часть 2 из 2');
    expect(ru).toContain('Перед этой частью не записано: 0:06');
  });
});
