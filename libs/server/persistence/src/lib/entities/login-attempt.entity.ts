import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Login attempts, kept in PostgreSQL so that throttling holds across replicas. */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  ip!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  @Column('boolean')
  succeeded!: boolean;
}
