import { createHmac } from 'node:crypto';

/**
 * TURN REST API credentials (draft-uberti-behave-turn-rest, coturn `use-auth-secret`): the username is
 * `<expiry unix seconds>:<id>`, the password base64(HMAC-SHA1(shared secret, username)). coturn checks
 * both without asking central, and refuses the username once its expiry has passed.
 */
export function turnCredentials(
  secret: string,
  id: string,
  ttlSeconds: number,
  now: Date = new Date(),
): { username: string; credential: string; expiresAt: Date } {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const username = `${expiry}:${id}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}
