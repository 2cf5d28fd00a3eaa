import type { StateCreator } from 'zustand';
import type { CallEvent, OperatorPresence, RingingCall } from '../../../domain/calls/call';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { RefusalOnWire } from '../../../domain/contract/refusal';
import type { LatLon } from '../../../domain/places/geo';
import type { ConsoleState } from '../../store';
import type { CallStats } from './callStats';
import { type CallEnd, OperatorCall } from './operatorCall';
import { type PreparedPeer, preparePeer, releasePeer } from './preparedPeer';
import { QUALITY_WINDOWS_MAX, type QualityWindow, QualityWindows } from '../../../domain/calls/callQuality';

export type CallNotice = { refusal: RefusalOnWire } | { linkDown: true };

export interface ActiveCall {
  appealId: string;
  number: string;
  kind: RingingCall['kind'];
  media: RingingCall['media'];
  /**
   * accepting: asked central; connecting: ours, media on its way; inCall: media flows; reconnecting: the
   * media stopped (a network blip) and the call finds its way back; rejoin: the window was reloaded during
   * the call, which goes on at central and at the citizen's (the operator rejoins it); ended: see `end`.
   */
  phase: 'accepting' | 'connecting' | 'inCall' | 'reconnecting' | 'rejoin' | 'ended';
  /** When media began (performance.now() of this window), for the timer. */
  connectedAt: number | null;
  /** When the call ended (same clock): the timer then shows how long it lasted. */
  endedAt: number | null;
  muted: boolean;
  held: boolean;
  stats: CallStats | null;
  end: CallEnd | null;
  /** The card beside the call, linked to its appeal; null until main has made or found it. */
  cardId: string | null;
}

/** Calls on the operator's console (§7, §18): what rings, the one call in progress, the operator's presence. */
export interface CallsSlice {
  ringing: RingingCall[];
  call: ActiveCall | null;
  localStream: MediaStream | null;
  remoteStream: MediaStream | null;
  /** Central's last refusal of a call frame (taken by someone else, not yours, …), or the link being down. */
  callNotice: CallNotice | null;
  presence: OperatorPresence;
  loadRinging(): Promise<void>;
  callEvent(event: CallEvent): void;
  /**
   * Accepts the given call, or the first ringing one (SOS first, then the longest waiting); with a call to
   * rejoin (the window was reloaded during it), rejoins that one.
   */
  acceptCall(appealId?: string): Promise<void>;
  hangUp(): void;
  toggleMute(): void;
  toggleHold(): void;
  /** Closes the view of an ended call. */
  dismissCall(): void;
  setPresence(status: OperatorPresence): Promise<void>;
  /** The caller's first video frame is on screen: the call's card opens now, when it no longer slows the media. */
  callerShown(): void;
  sampleCallStats(): Promise<void>;
}

/** The longest a won call's card waits for the caller to show before it opens anyway. */
const CARD_WAIT_MS = 1_000;

export const createCallsSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], CallsSlice> =>
  (set, get) => {
    let media: OperatorCall | null = null;
    /**
     * The peer made ready while calls ring, for the media of the call an accept would take first (SOS first,
     * then the longest waiting), so the accept carries its offer at once (preparedPeer.ts).
     */
    let ready: { media: RingingCall['media']; peer: Promise<PreparedPeer | null> } | null = null;
    const prepare = (kind: RingingCall['media']) =>
      preparePeer(
        kind,
        bridge.call('calls.ice', {}).then((ice) => (ice.ok ? ice.value : null)),
      );
    const releaseReady = () => {
      const peer = ready?.peer;
      ready = null;
      void peer?.then(releasePeer);
    };
    /** Whenever what rings or the call changes: a peer is ready while something rings and no call goes on. */
    function prepareForRinging(): void {
      const first = get().ringing[0];
      const call = get().call;
      if (!first || (call !== null && call.phase !== 'ended')) return releaseReady();
      if (ready?.media === first.media) return;
      releaseReady();
      ready = { media: first.media, peer: prepare(first.media) };
    }
    function takePeer(kind: RingingCall['media']): Promise<PreparedPeer | null> {
      const peer = ready?.media === kind ? ready.peer : null;
      if (peer) ready = null;
      else releaseReady();
      return peer ?? prepare(kind);
    }
    /** The accept lost, was refused or never left: its peer closes without a word to anyone. */
    const dropAccept = () => {
      media?.discard();
      media = null;
    };
    /**
     * The live figures summed per 5 s and reported to central as each window closes (issue 13.4), with those
     * central did not take yet (the link was down) sent again with the next.
     */
    let quality = { appealId: '', windows: new QualityWindows(), unsent: [] as QualityWindow[] };
    function reportQuality(appealId: string, closed: QualityWindow | null): void {
      if (quality.appealId !== appealId || !closed) return;
      const batch = [...quality.unsent, closed].slice(-QUALITY_WINDOWS_MAX);
      quality.unsent = batch;
      void bridge.call('calls.quality', { appealId, windows: batch }).then((answer) => {
        if (answer.ok && answer.value.sent) quality.unsent = quality.unsent.filter((w) => !batch.includes(w));
      });
    }
    const patchCall = (patch: Partial<ActiveCall>) =>
      set((state) => (state.call ? { call: { ...state.call, ...patch } } : {}));

    /** The media of the call `call`: bound to its appeal, its signals through main to that call's citizen. */
    function callFor(call: ActiveCall): OperatorCall {
      const { appealId } = call;
      if (quality.appealId !== appealId) quality = { appealId, windows: new QualityWindows(), unsent: [] };
      const operatorCall = new OperatorCall({
        send: async (signal) => {
          const sent = await bridge.call('calls.signal', { appealId, signal });
          return sent.ok && sent.value.sent;
        },
        onLocal: (stream) => set({ localStream: stream }),
        onRemote: (stream) => set({ remoteStream: stream }),
        onConnected: () => {
          patchCall({ phase: 'inCall', connectedAt: performance.now() });
          // A pending timer means the call was won and its card is not open yet.
          if (cardTimer && call.media === 'audio') openCardOnce(appealId);
        },
        onReconnecting: () => patchCall({ phase: 'reconnecting' }),
        onReconnected: () => patchCall({ phase: 'inCall' }),
        onEnded: (end) => {
          if (media === operatorCall) media = null;
          // A won call that ended before its media came: its card opens now.
          if (cardTimer) openCardOnce(appealId);
          reportQuality(appealId, quality.windows.flush());
          patchCall({ phase: 'ended', end, endedAt: performance.now() });
          set({ localStream: null, remoteStream: null });
          void get().setPresence('available');
          prepareForRinging();
        },
      });
      media = operatorCall;
      return operatorCall;
    }

    /** A call going on at central whose window was reloaded: a new peer connection inside the same call. */
    async function rejoin(call: ActiveCall): Promise<void> {
      patchCall({ phase: 'connecting' });
      const peer = await takePeer(call.media);
      const now = get().call;
      if (now?.appealId !== call.appealId || now.phase !== 'connecting') return releasePeer(peer);
      callFor(call).start(peer);
    }

    /**
     * The card of a won call opens once the caller is on screen (an audio call: once its media connects), or
     * CARD_WAIT_MS after central's yes if the media is slower. Opened at the accept, the card's work (main's
     * store, its push and pull, the card view's first render) held up the citizen's answer in main and the
     * first frame in the window by a hundred milliseconds and more on a loaded machine (call-setup bench).
     * Once per call.
     */
    let cardFor: string | null = null;
    let cardTimer: ReturnType<typeof setTimeout> | null = null;
    function openCardOnce(appealId: string): void {
      if (cardTimer) clearTimeout(cardTimer);
      cardTimer = null;
      if (cardFor === appealId) return;
      cardFor = appealId;
      void openCallCard(appealId);
    }

    /** The card opens beside the call, already linked to the appeal, with the caller's place (§9 step 3). */
    async function openCallCard(appealId: string): Promise<void> {
      const result = await bridge.call('calls.card', { appealId });
      if (!result.ok || !result.value || get().call?.appealId !== appealId) return;
      patchCall({ cardId: result.value.id });
      // Rejoining a call whose card is already open keeps what the form holds.
      if (get().editor.id !== result.value.id) get().openCard(result.value);
      get().showView('cards');
    }

    /** The caller moved: the card's place follows while it is the device's, never over the operator's own. */
    function followCaller(appealId: string, location: LatLon): void {
      const call = get().call;
      const editor = get().editor;
      if (call?.appealId !== appealId || !call.cardId || editor.id !== call.cardId) return;
      if (editor.locationSource !== 'device' && (editor.lat !== '' || editor.lon !== '')) return;
      get().editCard({ lat: String(location.lat), lon: String(location.lon), locationSource: 'device' });
    }

    return {
      ringing: [],
      call: null,
      localStream: null,
      remoteStream: null,
      callNotice: null,
      presence: 'available',
      async loadRinging() {
        const [result, current] = await Promise.all([
          bridge.call('calls.ringing', {}),
          bridge.call('calls.current', {}),
        ]);
        if (result.ok) set({ ringing: result.value });
        prepareForRinging();
        // A call accepted before this window was (re)loaded: it goes on, and the operator rejoins it.
        const going = current.ok ? current.value : null;
        if (going && get().call === null)
          set({
            call: {
              appealId: going.appealId,
              number: going.number,
              kind: going.kind,
              media: going.media,
              phase: 'rejoin',
              connectedAt: null,
              muted: false,
              held: false,
              stats: null,
              end: null,
              cardId: null,
              endedAt: null,
            },
          });
        // The card and what was typed are in main's store: shown again at once, before the operator rejoins.
        if (going && get().call?.phase === 'rejoin') openCardOnce(going.appealId);
      },
      callEvent(event) {
        const call = get().call;
        switch (event.type) {
          case 'ringing':
            set({ ringing: event.calls });
            return prepareForRinging();
          case 'taken':
            if (call?.appealId !== event.appealId || call.phase !== 'accepting') return;
            if (event.byMe) {
              cardTimer = setTimeout(() => openCardOnce(event.appealId), CARD_WAIT_MS);
              patchCall({ phase: 'connecting' });
              return media?.accepted();
            }
            // Another operator was first: this console stops at once and says so.
            dropAccept();
            set({ call: null, callNotice: { refusal: { code: 'call.taken', params: {} } } });
            return prepareForRinging();
          case 'signal':
            if (call?.appealId === event.appealId) media?.receive(event.signal);
            return;
          case 'location':
            return followCaller(event.appealId, event.location);
          case 'link':
            if (event.up) media?.linkUp();
            return;
          case 'refused':
            // A refused accept leaves nothing half-open; a refusal during a call is shown and the call goes on.
            if (call?.phase === 'accepting') {
              dropAccept();
              set({ call: null });
              prepareForRinging();
            }
            return set({ callNotice: { refusal: { code: event.code, params: event.params } } });
        }
      },
      async acceptCall(appealId) {
        const going = get().call;
        if (going?.phase === 'rejoin') {
          // A new peer connection inside the same call: the widget answers it like the first one.
          openCardOnce(going.appealId);
          void get().setPresence('busy');
          return rejoin(going);
        }
        if (get().call && get().call?.phase !== 'ended') return;
        const target = get().ringing.find((c) => appealId === undefined || c.appealId === appealId);
        if (!target) return;
        media = null;
        const call: ActiveCall = {
          appealId: target.appealId,
          number: target.number,
          kind: target.kind,
          media: target.media,
          phase: 'accepting',
          connectedAt: null,
          endedAt: null,
          muted: false,
          held: false,
          stats: null,
          end: null,
          cardId: null,
        };
        set({ callNotice: null, localStream: null, remoteStream: null, call });
        const peer = await takePeer(target.media);
        // Hung up, or taken by someone else, while the camera opened.
        const now = get().call;
        if (now?.appealId !== call.appealId || now.phase !== 'accepting') return releasePeer(peer);
        const offer = callFor(call).adopt(peer);
        const sent = await bridge.call('calls.accept', {
          appealId: target.appealId,
          offer: offer ?? undefined,
        });
        if (!sent.ok || !sent.value.sent) {
          dropAccept();
          set({ call: null, callNotice: { linkDown: true } });
          prepareForRinging();
        } else void get().setPresence('busy');
      },
      hangUp() {
        if (media) return media.hangUp();
        const call = get().call;
        if (call?.phase === 'rejoin') {
          void bridge.call('calls.signal', { appealId: call.appealId, signal: { kind: 'hangup' } });
          void get().setPresence('available');
        }
        if (call && call.phase !== 'ended')
          patchCall({ phase: 'ended', end: 'hungUp', endedAt: performance.now() });
      },
      toggleMute() {
        const call = get().call;
        if (!call || call.phase === 'ended') return;
        media?.setHeld(call.held, !call.muted);
        patchCall({ muted: !call.muted });
      },
      toggleHold() {
        const call = get().call;
        if (!call || call.phase === 'ended') return;
        media?.setHeld(!call.held, call.muted);
        patchCall({ held: !call.held });
      },
      callerShown() {
        const call = get().call;
        if (call && cardTimer) openCardOnce(call.appealId);
      },
      dismissCall() {
        if (get().call?.phase === 'ended') set({ call: null });
      },
      async setPresence(status) {
        set({ presence: status });
        await bridge.call('calls.presence', { status });
      },
      async sampleCallStats() {
        const stats = await media?.stats();
        const appealId = get().call?.appealId;
        if (!stats || !appealId) return;
        patchCall({ stats });
        reportQuality(appealId, quality.windows.add({ ...stats, at: Date.now() }));
      },
    };
  };
