import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '../env';

// Personal data encrypted at rest (AES-256-GCM) and looked up by keyed hash (HMAC-SHA-256), so a copy of the
// database alone reveals no 身份证号 and cannot be searched by guessing numbers.

let keys: { enc: Buffer; mac: Buffer } | undefined;

function keysFor(): { enc: Buffer; mac: Buffer } {
  if (!keys) {
    const { DATA_KEY, AUTH_SECRET } = env();
    const master = DATA_KEY ? Buffer.from(DATA_KEY, 'base64') : Buffer.from(AUTH_SECRET);
    keys = {
      enc: Buffer.from(hkdfSync('sha256', master, 'jingyan', 'field-encryption', 32)),
      mac: Buffer.from(hkdfSync('sha256', master, 'jingyan', 'field-lookup', 32)),
    };
  }
  return keys;
}

/** "v1.<iv>.<tag>.<ciphertext>", all base64url. */
export function encryptField(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keysFor().enc, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptField(sealed: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('unknown field encryption format');
  const decipher = createDecipheriv('aes-256-gcm', keysFor().enc, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function lookupHash(value: string): string {
  return createHmac('sha256', keysFor().mac).update(value).digest('hex');
}
