import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Values every replica must share (the token-signing secret, the encryption key's fingerprint). */
@Entity('server_secrets')
export class ServerSecretEntity {
  @PrimaryColumn('text')
  name!: string;

  @Column('text')
  value!: string;
}
