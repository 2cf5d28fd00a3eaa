import type { Migration } from '../migration';
import { migration0010 } from './0010-cards';
import { migration0020 } from './0020-card-location-source';
import { migration0030 } from './0030-outbox';
import { migration0040 } from './0040-offline-accounts';
import { migration0050 } from './0050-card-files';
import { migration0060 } from './0060-outbox-account';
import { migration0070 } from './0070-reference-data';
import { migration0080 } from './0080-lean-save';
import { migration0090 } from './0090-card-file-names';
import { migration0100 } from './0100-chat';
import { migration0110 } from './0110-reference-scope';
import { migration0120 } from './0120-typed-coordinates';
import { migration0130 } from './0130-card-audience';
import { migration0140 } from './0140-chat-refusal-code';
import { migration0150 } from './0150-outbox-retry-after';
import { migration0160 } from './0160-card-details';
import { migration0161 } from './0161-inbox';
import { migration0180 } from './0180-card-file-retention';
import { migration0190 } from './0190-personal-data-at-rest';
import { migration0200 } from './0200-inbox-actions';
import { migration0210 } from './0210-units';
import { migration0240 } from './0240-board';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
  migration0150,
  migration0160,
  migration0161,
  migration0180,
  migration0190,
  migration0200,
  migration0210,
  migration0240,
];
