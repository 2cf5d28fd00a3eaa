import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

/**
 * A small TURN client (RFC 5766 Allocate over UDP with the long-term credential mechanism, RFC 5389):
 * enough to ask a real coturn whether a username/password pair gets a relay address.
 */

const MAGIC_COOKIE = 0x2112a442;
const ALLOCATE_REQUEST = 0x0003;
const ALLOCATE_SUCCESS = 0x0103;
const ATTR = {
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  realm: 0x0014,
  nonce: 0x0015,
  xorRelayedAddress: 0x0016,
  requestedTransport: 0x0019,
} as const;
const UDP = 17;

export type AllocateResult =
  | { ok: true; relayedAddress: string; relayedPort: number }
  | { ok: false; errorCode: number; reason: string };

interface Message {
  type: number;
  attributes: Map<number, Buffer>;
}

function attribute(type: number, value: Buffer): Buffer {
  const padded = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  padded.writeUInt16BE(type, 0);
  padded.writeUInt16BE(value.length, 2);
  value.copy(padded, 4);
  return padded;
}

function encode(attributes: Buffer[], integrityKey: Buffer | null): Buffer {
  const transactionId = randomBytes(12);
  const body = Buffer.concat(attributes);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(ALLOCATE_REQUEST, 0);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  if (!integrityKey) {
    header.writeUInt16BE(body.length, 2);
    return Buffer.concat([header, body]);
  }
  // MESSAGE-INTEGRITY covers the message with its length already counting the 24-byte attribute itself.
  header.writeUInt16BE(body.length + 24, 2);
  const hmac = createHmac('sha1', integrityKey)
    .update(Buffer.concat([header, body]))
    .digest();
  return Buffer.concat([header, body, attribute(ATTR.messageIntegrity, hmac)]);
}

function decode(data: Buffer): Message {
  const type = data.readUInt16BE(0);
  const length = data.readUInt16BE(2);
  const attributes = new Map<number, Buffer>();
  let at = 20;
  while (at + 4 <= 20 + length) {
    const attrType = data.readUInt16BE(at);
    const attrLength = data.readUInt16BE(at + 2);
    attributes.set(attrType, data.subarray(at + 4, at + 4 + attrLength));
    at += 4 + Math.ceil(attrLength / 4) * 4;
  }
  return { type, attributes };
}

/** One UDP socket per client: coturn binds its nonce to the 5-tuple, so the signed retry must come from the same port. */
function udpClient(host: string, port: number, timeoutMs: number) {
  const socket = createSocket('udp4');
  return {
    exchange(request: Buffer): Promise<Message> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.off('message', onMessage);
          reject(new Error(`no TURN answer from ${host}:${port} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (data: Buffer) => {
          clearTimeout(timer);
          resolve(decode(data));
        };
        socket.once('message', onMessage);
        socket.send(request, port, host);
      });
    },
    close: () => socket.close(),
  };
}

function errorOf(message: Message): { errorCode: number; reason: string } {
  const value = message.attributes.get(ATTR.errorCode);
  if (!value) return { errorCode: 0, reason: 'no ERROR-CODE' };
  return { errorCode: (value[2] ?? 0) * 100 + (value[3] ?? 0), reason: value.subarray(4).toString('utf8') };
}

const requestedTransport = () => attribute(ATTR.requestedTransport, Buffer.from([UDP, 0, 0, 0]));

/** Whether the server answers at all (an unauthenticated Allocate gets 401 with a realm and nonce). */
export async function turnAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  const client = udpClient(host, port, timeoutMs);
  try {
    await client.exchange(encode([requestedTransport()], null));
    return true;
  } catch {
    return false;
  } finally {
    client.close();
  }
}

/** Allocates a UDP relay with these credentials: first unauthenticated for the realm and nonce, then signed. */
export async function allocateRelay(
  server: { host: string; port: number },
  credentials: { username: string; credential: string },
  timeoutMs = 2000,
): Promise<AllocateResult> {
  const client = udpClient(server.host, server.port, timeoutMs);
  try {
    return await allocateWith(client, credentials);
  } finally {
    client.close();
  }
}

async function allocateWith(
  client: ReturnType<typeof udpClient>,
  credentials: { username: string; credential: string },
): Promise<AllocateResult> {
  const challenge = await client.exchange(encode([requestedTransport()], null));
  const realm = challenge.attributes.get(ATTR.realm);
  const nonce = challenge.attributes.get(ATTR.nonce);
  if (!realm || !nonce) return { ok: false, ...errorOf(challenge) };
  const key = createHash('md5')
    .update(`${credentials.username}:${realm.toString('utf8')}:${credentials.credential}`)
    .digest();
  const signed = encode(
    [
      requestedTransport(),
      attribute(ATTR.username, Buffer.from(credentials.username, 'utf8')),
      attribute(ATTR.realm, realm),
      attribute(ATTR.nonce, nonce),
    ],
    key,
  );
  const answer = await client.exchange(signed);
  if (answer.type !== ALLOCATE_SUCCESS) return { ok: false, ...errorOf(answer) };
  const relayed = answer.attributes.get(ATTR.xorRelayedAddress);
  if (!relayed) return { ok: false, errorCode: 0, reason: 'no XOR-RELAYED-ADDRESS' };
  const relayedPort = relayed.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16);
  const relayedAddress = [0, 1, 2, 3]
    .map((i) => (relayed[4 + i] ?? 0) ^ ((MAGIC_COOKIE >>> (24 - 8 * i)) & 0xff))
    .join('.');
  return { ok: true, relayedAddress, relayedPort };
}
