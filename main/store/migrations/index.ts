import type { Migration } from '../migration';
import { migration0010 } from './0010-cards';
import { migration0020 } from './0020-card-location-source';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020];
