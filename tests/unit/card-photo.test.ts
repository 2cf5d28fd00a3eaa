import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_NAME_MAX, PHOTO_MAX_BYTES } from '../../domain/files/cardFile';
import { createApiHandlers, invokeApi } from '../../main/api';
import { checkPhoto, cleanFileName, photoTypeOf } from '../../main/files/photo';
import { aDraft, servicesInTempDir } from '../support/console';

/** The first bytes of each format, padded to a plausible photo. */
const aJpeg = (size = 2048) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]);
const aPng = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 3)]);
const aWebp = () =>
  Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4, 1), Buffer.from('WEBPVP8 '), Buffer.alloc(500)]);
const aGif = () => Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(500)]);

describe('an attached photo', () => {
  it('is recognised as JPEG, PNG or WebP by its first bytes, whatever its name says', () => {
    expect(photoTypeOf(aJpeg())).toBe('image/jpeg');
    expect(photoTypeOf(aPng())).toBe('image/png');
    expect(photoTypeOf(aWebp())).toBe('image/webp');
    expect(photoTypeOf(aGif())).toBeNull();
    expect(photoTypeOf(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBeNull();
    // A WAV is RIFF too, but not a photo.
    expect(
      photoTypeOf(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')])),
    ).toBeNull();
  });

  it('is refused when empty, over 10 MB, or not a photo', () => {
    expect(checkPhoto(Buffer.alloc(0))).toEqual({ ok: false, refusal: 'empty' });
    expect(checkPhoto(aJpeg(PHOTO_MAX_BYTES))).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkPhoto(aJpeg(PHOTO_MAX_BYTES + 1))).toEqual({ ok: false, refusal: 'tooLarge' });
    expect(checkPhoto(aGif())).toEqual({ ok: false, refusal: 'notAPhoto' });
    expect(checkPhoto(Buffer.from([0xff, 0xd8, 0xff]))).toEqual({ ok: false, refusal: 'notAPhoto' });
  });

  it.each([
    ['IMG_2041.JPG', 'image/jpeg', 'IMG_2041.jpg'],
    ['двор, подъезд 3.jpeg', 'image/jpeg', 'двор, подъезд 3.jpeg'],
    ['C:\\Users\\operator\\Desktop\\car.png', 'image/png', 'car.png'],
    ['../../etc/passwd', 'image/png', 'passwd.png'],
    ['invoice.exe', 'image/webp', 'invoice.webp'],
    ['photo\u202egpj.exe', 'image/jpeg', 'photogpj.jpg'],
    ['a<b>:c|d?.png', 'image/png', 'a_b__c_d_.png'],
    ['  ..hidden.png. ', 'image/png', 'hidden.png'],
    ['line\nbreak\t.jpg', 'image/jpeg', 'linebreak.jpg'],
    ['', 'image/jpeg', 'photo.jpg'],
    ['...', 'image/png', 'photo.png'],
  ] as const)('keeps a safe name: %j becomes %j', (given, type, expected) => {
    expect(cleanFileName(given, type)).toBe(expected);
  });

  it(`cuts a long name to ${FILE_NAME_MAX} characters, keeping the extension and whole characters`, () => {
    const name = cleanFileName(`${'😀'.repeat(80)}.jpg`, 'image/jpeg');
    expect(name.length).toBeLessThanOrEqual(FILE_NAME_MAX);
    expect(name.endsWith('😀.jpg')).toBe(true);
  });
});

describe('the photo methods of the console API', () => {
  let env: ReturnType<typeof servicesInTempDir>;
  const call = (method: unknown, input: unknown) =>
    invokeApi(createApiHandlers(env.services), method, input, env.log);
  const aCard = async () => {
    const saved = await call('cards.saveDraft', aDraft());
    if (!saved.ok) throw new Error('no card');
    return (saved.value as { id: string }).id;
  };

  beforeEach(() => {
    env = servicesInTempDir();
  });
  afterEach(() => env.cleanup());

  it('keep a photo with a clean name, list it as waiting, and give its bytes back for the preview', async () => {
    const cardId = await aCard();
    const photo = aPng();
    const events: unknown[] = [];
    env.services.events.subscribe((event, payload) => event === 'cards.filesChanged' && events.push(payload));
    const attached = await call('cards.attachPhoto', {
      cardId,
      name: '../evidence/scene.PNG',
      bytesBase64: photo.toString('base64'),
    });
    expect(attached).toMatchObject({
      ok: true,
      value: { ok: true, file: { cardId, name: 'scene.png', contentType: 'image/png', size: photo.length } },
    });
    const listed = await call('cards.files', { cardId });
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'scene.png', upload: { state: 'waiting' } }] });
    expect(events).toMatchObject([{ cardId, files: [{ name: 'scene.png' }] }]);
    if (!listed.ok) return;
    const [file] = listed.value as { id: string }[];
    const preview = await call('cards.photo', { fileId: file?.id });
    expect(preview).toEqual({
      ok: true,
      value: { contentType: 'image/png', bytesBase64: photo.toString('base64') },
    });
    // The name the operator's disk gave never reaches the log.
    expect(env.log.lines.join('\n')).not.toContain('scene');
  });

  it('refuse what is not a photo, with a reason the operator is told', async () => {
    const cardId = await aCard();
    const refused = await call('cards.attachPhoto', {
      cardId,
      name: 'a.gif',
      bytesBase64: aGif().toString('base64'),
    });
    expect(refused).toEqual({ ok: true, value: { ok: false, refusal: 'notAPhoto' } });
    const empty = await call('cards.attachPhoto', { cardId, name: 'a.jpg', bytesBase64: '' });
    expect(empty).toEqual({ ok: true, value: { ok: false, refusal: 'empty' } });
    expect(await call('cards.files', { cardId })).toEqual({ ok: true, value: [] });
  });

  it('refuse a photo over 10 MB, text that is not base64, and a card that does not exist', async () => {
    const cardId = await aCard();
    const tooBig = await call('cards.attachPhoto', {
      cardId,
      name: 'big.jpg',
      bytesBase64: aJpeg(PHOTO_MAX_BYTES + 3).toString('base64'),
    });
    expect(tooBig).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'bytesBase64' }] },
    });
    const notBase64 = await call('cards.attachPhoto', { cardId, name: 'a.jpg', bytesBase64: '<img src=x>' });
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const noCard = await call('cards.attachPhoto', {
      cardId: '0190f0f0-0000-7000-8000-000000000001',
      name: 'a.jpg',
      bytesBase64: aJpeg().toString('base64'),
    });
    expect(noCard).toEqual({ ok: false, error: { code: 'not_found', messageKey: 'errors.cardNotFound' } });
    const noFile = await call('cards.photo', { fileId: '0190f0f0-0000-7000-8000-000000000002' });
    expect(noFile).toEqual({ ok: false, error: { code: 'not_found', messageKey: 'errors.fileNotFound' } });
  });
});
