import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OAuthPlatform } from '@vestnik/contracts';

/**
 * One OAuth connection from start to the channels it creates. Before the callback it holds the
 * request (state, PKCE verifier); after it, the platform's tokens until the person picks pages.
 * Nothing here is readable without the server key: state and browser nonce are hashed, the
 * verifier and tokens sealed.
 */
@Entity('channel_oauth_connections')
export class ChannelOAuthConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  platform!: OAuthPlatform;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  /** Who started it: the only person who may see and use it. */
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  /** SHA-256 of the `state` sent to the platform. */
  @Column('text', { name: 'state_hash' })
  stateHash!: string;

  /** SHA-256 of the nonce in the starting browser's cookie: the callback must come from that browser. */
  @Column('text', { name: 'browser_hash' })
  browserHash!: string;

  /** Sealed PKCE verifier (VK ID); cleared once the code is exchanged. */
  @Column('text', { name: 'code_verifier', nullable: true })
  codeVerifier!: string | null;

  /** Set by the first callback with this state: a state works once. */
  @Column('timestamptz', { name: 'state_used_at', nullable: true })
  stateUsedAt!: Date | null;

  /** Sealed JSON of the platform's credentials, after a successful callback. */
  @Column('text', { nullable: true })
  credentials!: string | null;

  @Column('timestamptz', { name: 'connected_at', nullable: true })
  connectedAt!: Date | null;

  /** The state's deadline before the callback, the pending connection's after it. */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
