import type { z } from 'zod';
import {
  type ApiError,
  type ApiResult,
  type ConsoleMethod,
  type MethodOutput,
  consoleApi,
  isConsoleMethod,
} from '../domain/contract/ipc';
import { refusal } from '../domain/contract/refusal';
import { isUnstorableIssue } from '../domain/contract/text';
import { can } from '../domain/session/roles';
import { DEFAULT_ACKNOWLEDGEMENT_LIMITS } from '../domain/dispatch/acknowledgement';
import { cardForCall } from './calls/callCard';
import { CardFileNotFoundError } from './files/cardFiles';
import { checkPhoto, cleanFileName } from './files/photo';
import type { Logger } from './log';
import type { Services } from './services';
import { CardNotFoundError } from './store/cards';
import { RecordingNotFoundError } from './recordings/recordingJournal';
import { scopeOfAccount } from './store/referenceData';

type ParsedInput<M extends ConsoleMethod> = z.output<(typeof consoleApi)[M]['input']>;

/** One handler per contract method; the compiler refuses a missing or mistyped one. */
export type ApiHandlers = {
  [M in ConsoleMethod]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export function createApiHandlers(services: Services): ApiHandlers {
  // A signed-in account's role from central drives the navigation; without sign-in, the configured role.
  const role = () => services.sync?.session.current()?.role ?? services.info.role;
  const chatRefused = { ok: false as const, refusal: 'notAllowed' as const };
  const noCentral = { ok: false as const, offline: true as const };
  // The signed-in account sees and touches only the cards its role and territory may (domain/cards/cardVisibility.ts);
  // any other card does not exist for it.
  const visibleCard = (id: string) => {
    const viewer = services.audience.viewer();
    const card = viewer && services.cards.visible(viewer, id);
    if (!card) throw new CardNotFoundError(id);
    return card;
  };
  return {
    'app.info': () => ({ ...services.info, role: role() }),
    // The admin's desk: central decides who may (accounts.manage, territories.import) and audits it.
    'admin.accounts': () => services.admin?.accounts() ?? noCentral,
    'admin.createAccount': (input) => services.admin?.createAccount(input) ?? noCentral,
    'admin.changeAccount': ({ id, changes }) => services.admin?.changeAccount(id, changes) ?? noCentral,
    'admin.unlockAccount': ({ id }) => services.admin?.unlockAccount(id) ?? noCentral,
    'admin.importTerritories': (file) => services.admin?.importTerritories(file) ?? noCentral,
    'admin.services': () => services.admin?.services() ?? noCentral,
    'admin.createService': (input) => services.admin?.createService(input) ?? noCentral,
    'admin.changeService': ({ id, changes }) => services.admin?.changeService(id, changes) ?? noCentral,
    'admin.units': ({ departmentId }) => services.admin?.units(departmentId) ?? noCentral,
    'admin.createUnit': (input) => services.admin?.createUnit(input) ?? noCentral,
    'admin.changeUnit': ({ id, changes }) => services.admin?.changeUnit(id, changes) ?? noCentral,
    'connectivity.get': () => services.connectivity.current(),
    'cards.list': () => {
      const viewer = services.audience.viewer();
      return viewer ? services.cards.list(viewer) : [];
    },
    'reference.departments': () => services.referenceData.departments(),
    // Units and territories are the signed-in account's; with nobody signed in there are none to show.
    'reference.units': () => {
      const account = services.sync?.session.current();
      return account
        ? services.referenceData.units(scopeOfAccount(account.departmentId))
        : { units: [], fetchedAt: null };
    },
    'reference.territories': () => {
      const account = services.sync?.session.current();
      return account
        ? services.referenceData.territories(scopeOfAccount(account.departmentId))
        : { territories: [], fetchedAt: null };
    },
    'units.list': () => services.units.list(),
    'units.dispatch': ({ cardId, unitIds }) => {
      visibleCard(cardId);
      return { units: services.units.dispatch(cardId, unitIds) };
    },
    // Central decides who may (units.status) and which units are the account's.
    'units.setStatus': ({ unitId, status }) => services.units.setStatus(unitId, status),
    'cards.get': ({ id }) => visibleCard(id),
    'cards.saveDraft': (input) => {
      if (input.id !== undefined) visibleCard(input.id);
      return services.cards.saveDraft(input);
    },
    'cards.transition': ({ id, ...step }) => {
      visibleCard(id);
      return services.cards.transition(id, step);
    },
    'cards.attachPhoto': async ({ cardId, name, bytesBase64 }) => {
      visibleCard(cardId);
      const bytes = Buffer.from(bytesBase64, 'base64');
      const checked = checkPhoto(bytes);
      if (!checked.ok) return checked;
      const file = await services.files.attach({
        cardId,
        kind: 'photo',
        name: cleanFileName(name, checked.type),
        contentType: checked.type,
        bytes,
      });
      return { ok: true as const, file };
    },
    'cards.files': ({ cardId }) => {
      visibleCard(cardId);
      return services.files.list(cardId);
    },
    'cards.photo': async ({ fileId }) => {
      const kept = await services.files.read(fileId);
      const viewer = services.audience.viewer();
      const seen = kept && viewer && services.cards.visible(viewer, kept.file.cardId);
      const type = seen && kept.file.kind === 'photo' ? checkPhoto(kept.bytes) : null;
      if (!kept || !type?.ok) throw new CardFileNotFoundError(fileId);
      return { contentType: type.type, bytesBase64: kept.bytes.toString('base64') };
    },
    'chat.list': ({ cardId }) => {
      if (!can(role(), 'appeals.chat')) return chatRefused;
      visibleCard(cardId);
      return services.chat.forCard(cardId);
    },
    'chat.send': ({ cardId, text }) => {
      if (!can(role(), 'appeals.chat')) return chatRefused;
      visibleCard(cardId);
      return services.chat.send(cardId, text);
    },
    // The inbox (issue 12); without central nothing comes in, and an action says central is out of reach.
    'inbox.list': ({ version }) =>
      services.inbox?.list(version) ?? {
        list: { kind: 'whole', items: [] },
        version: '',
        fetchedAt: null,
        live: false,
        actions: [],
      },
    'inbox.claim': ({ appealId }) => services.inbox?.claim(appealId) ?? noCentral,
    'inbox.release': ({ appealId }) => services.inbox?.release(appealId) ?? noCentral,
    'inbox.link': ({ appealId, cardId }) => services.inbox?.link(appealId, cardId) ?? noCentral,
    'inbox.forward': ({ appealId, ...input }) => services.inbox?.forward(appealId, input) ?? noCentral,
    'inbox.services': () => services.inbox?.services() ?? [],
    // A citizen's attachments (issue 12): central decides who may read them and audits each file read.
    'attachments.list': ({ appealId }) => services.attachmentViewer.list(appealId),
    'attachments.open': (ref) => services.attachmentViewer.open(ref),
    'attachments.read': ({ attachmentId, offset }) => {
      const piece = services.attachmentViewer.slice(attachmentId, offset);
      if (!piece) throw new CardFileNotFoundError(attachmentId);
      return { bytesBase64: piece.bytes.toString('base64'), next: piece.next };
    },
    'attachments.close': () => {
      services.attachmentViewer.close();
      return {};
    },
    'session.get': () => services.sync?.session.current() ?? null,
    'session.signIn': (input) =>
      services.sync
        ? services.sync.session.signIn(input)
        : { ok: false as const, refusal: 'unavailable' as const },
    'session.signOut': () => {
      services.sync?.session.signOut();
      return {};
    },
    'sync.status': () => services.syncLedger.status(),
    'sync.now': () => {
      services.sync?.syncNow();
      return services.syncLedger.status();
    },
    'workstation.report': () => services.workstation.lastReport(),
    'workstation.check': (facts) => services.workstation.check(facts),
    'workstation.readiness': () => services.workstation.readiness(),
    'workstation.fleet': () => services.workstation.fleet(),
    'workstation.keystrokeSeen': () => services.workstation.keystrokeSeen(),
    'diagnostics.about': () => services.diagnostics.about(),
    'diagnostics.bundle': () => services.diagnostics.writeBundle(),
    'log.write': ({ level, event, detail }) => {
      services.log[level](`renderer.${event}`, detail === undefined ? undefined : { detail });
      return {};
    },
    'calls.ringing': () => services.calls?.ringing() ?? [],
    'calls.current': () => services.calls?.current() ?? null,
    'calls.ice': () => services.calls?.ice() ?? null,
    'calls.accept': ({ appealId, offer }) => services.calls?.accept(appealId, offer) ?? { sent: false },
    'calls.signal': ({ appealId, signal }) => services.calls?.signal(appealId, signal) ?? { sent: false },
    'calls.presence': ({ status }) => services.calls?.setPresence(status) ?? { sent: false },
    'calls.quality': ({ appealId, windows }) =>
      services.calls?.reportQuality(appealId, windows) ?? { sent: false },
    'centre.view': () => services.centre?.view() ?? { view: null, fetchedAt: null, live: false },
    'calls.card': ({ appealId }) => {
      const card = cardForCall(
        { cards: services.cards, viewer: services.audience.viewer(), call: services.calls?.known(appealId) },
        appealId,
      );
      if (card) {
        services.events.emit('cards.changed', { card });
        services.syncStatusChanged();
        services.sync?.syncNow();
      }
      return card;
    },
    // The board (issue 14); without central there is nothing to ask, and an action says central is out of reach.
    'board.settings': () =>
      services.board?.settings() ?? { limits: DEFAULT_ACKNOWLEDGEMENT_LIMITS, live: false },
    'board.details': ({ cardId }) => {
      visibleCard(cardId);
      return (
        services.board?.details(cardId) ?? { details: null, fetchedAt: null, live: false, queuedChecks: [] }
      );
    },
    'board.check': (input) => {
      visibleCard(input.cardId);
      return services.board?.check(input) ?? noCentral;
    },
    'board.identify': ({ cardId }) => {
      visibleCard(cardId);
      return services.board?.identify(cardId) ?? noCentral;
    },
    // Only a role that takes calls records them; the card is one this account may see.
    'recordings.begin': (header) => {
      if (!can(role(), 'calls.accept')) throw new CardNotFoundError(header.cardId);
      visibleCard(header.cardId);
      return services.recordingJournal.begin(header);
    },
    'recordings.chunk': async ({ recordingId, seq, atMs, bytesBase64 }) => {
      await services.recordingJournal.append(recordingId, seq, atMs, Buffer.from(bytesBase64, 'base64'));
      return {};
    },
    'recordings.finish': async ({ recordingId }) => {
      const meta = await services.recordingJournal.finish(recordingId);
      if (meta) services.sync?.syncNow();
      return meta;
    },
    'recordings.list': ({ cardId }) => {
      visibleCard(cardId);
      // Central decides who hears recordings; a role it would refuse is not even asked about them.
      if (!can(role(), 'recordings.play')) return { ok: true as const, recordings: [], callQuality: null };
      return services.recordingPlayer.list(cardId);
    },
    'recordings.open': ({ fileId }) => services.recordingPlayer.open(fileId),
    'recordings.read': async ({ fileId, offset }) => {
      const piece = await services.recordingPlayer.read(fileId, offset);
      if (!piece) throw new CardFileNotFoundError(fileId);
      return piece.ok
        ? { ok: true as const, bytesBase64: piece.bytes.toString('base64'), next: piece.next }
        : piece;
    },
    'recordings.close': () => {
      services.recordingPlayer.close();
      return {};
    },
  };
}

const failure = (error: ApiError): ApiResult<never> => ({ ok: false, error });

/**
 * The single entry for both transports: checks the method against the contract, validates the input,
 * runs the handler, and turns every failure into a typed error; a bad call never crashes main.
 */
export async function invokeApi(
  handlers: ApiHandlers,
  method: unknown,
  input: unknown,
  log: Logger,
): Promise<ApiResult<unknown>> {
  if (!isConsoleMethod(method)) {
    return failure({ code: 'unknown_method', messageKey: 'errors.unknownMethod' });
  }
  const parsed = consoleApi[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    // Text no database can store is told apart: retyping, not correcting, is what helps (issue 11, item 2).
    const unstorable = parsed.error.issues.find(isUnstorableIssue);
    return failure(
      unstorable
        ? {
            code: 'invalid_input',
            messageKey: 'errors.unstorableText',
            issues,
            refusal: refusal('text.unstorable', { field: unstorable.path.join('.') || '(root)' }),
          }
        : { code: 'invalid_input', messageKey: 'errors.invalidInput', issues },
    );
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = consoleApi[method].output.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CardNotFoundError)
      return failure({ code: 'not_found', messageKey: 'errors.cardNotFound' });
    if (error instanceof CardFileNotFoundError || error instanceof RecordingNotFoundError)
      return failure({ code: 'not_found', messageKey: 'errors.fileNotFound' });
    log.error('api.failed', { method, error: error instanceof Error ? error.name : 'unknown' });
    return failure({ code: 'internal', messageKey: 'errors.internal' });
  }
}
