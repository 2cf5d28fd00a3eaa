import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createCardRepository } from '../../../main/store/cards';
import { openDatabase } from '../../../main/store/database';
import { createOutbox } from '../../../main/store/outbox';

/**
 * A console process the tests kill: `write DIR` saves cards (and edits every third) in a loop and prints
 * `ack ID DESCRIPTION` only after each commit returned — what the operator would have seen as saved.
 */
const [mode, dataDir] = process.argv.slice(2);
if (mode !== 'write' || !dataDir) throw new Error('usage: consoleChild write DATA_DIR');
const db = openDatabase(join(dataDir, 'console.sqlite'));
const now = () => new Date();
const outbox = createOutbox(db, { now, newId: uuidv7 });
const cards = createCardRepository(db, { now, newId: uuidv7, outbox });
// A writer outlives no test: when the test process goes (timeout, Ctrl+C), its pipes close and so does the writer.
process.stdin.on('end', () => process.exit(0)).resume();
process.stdout.on('error', () => process.exit(0));
process.stdout.write('ready\n');

/** One card (and every third time its edit) per turn of the event loop, so a closed pipe is noticed. */
function write(n: number): void {
  const description = `${process.pid}-${n}`;
  const card = cards.saveDraft({ description, category: null, location: null });
  process.stdout.write(`ack ${card.id} ${description}\n`);
  if (n % 3 === 0) {
    const edited = cards.saveDraft({
      id: card.id,
      description: `${description}-edited`,
      category: 'roadAccident',
      location: null,
    });
    process.stdout.write(`ack ${edited.id} ${edited.description}\n`);
  }
  setImmediate(() => write(n + 1));
}
write(0);
