import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what a one-time link carries. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A new token and the SHA-256 that is all the database keeps of it. */
export function newInvitationToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Malformed tokens are refused before any lookup. */
export const isInvitationToken = (token: string): boolean => TOKEN_FORMAT.test(token);

/** The page of the editor that accepts the link. */
export const invitationLink = (publicUrl: string, token: string): string => `${publicUrl}/invite/${token}`;
