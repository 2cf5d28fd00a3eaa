import { aSyncingConsole } from './syncingConsole';

/** A console process that signs in as the demo operator, syncs its outbox and prints `idle`; the test may kill it mid-push. */
const [dataDir, centralUrl] = process.argv.slice(2);
if (!dataDir || !centralUrl) throw new Error('usage: consoleSyncChild DATA_DIR CENTRAL_URL');
const desk = aSyncingConsole(dataDir, centralUrl);
const signedIn = await desk.sync.session.signIn({ login: 'operator', password: 'operator' });
if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.refusal}`);
await desk.sync.engine.idle();
process.stdout.write('idle\n');
await desk.close();
