import type { RefusalOnWire } from '../../../domain/contract/refusal';

/** Why a recording could not be listed or played: central's refusal, central out of reach, or it failed here. */
export type RecordingProblem = { refusal: RefusalOnWire } | { offline: true } | { failed: true };
