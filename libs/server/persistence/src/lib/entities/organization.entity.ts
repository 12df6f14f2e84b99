import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId!: string | null;

  /** Ids from the root down to this one, `/root/…/self/`: a subtree is a prefix match. */
  @Column('text')
  path!: string;

  @Column('text', { name: 'own_timezone', nullable: true })
  ownTimezone!: string | null;

  @Column('boolean', { name: 'require_admin_totp', default: false })
  requireAdminTotp!: boolean;

  /** Four eyes off here, unless this organization or an ancestor requires them for its subtree. */
  @Column('boolean', { name: 'allow_self_approval', default: false })
  allowSelfApproval!: boolean;

  /** Four eyes required here and in every sub-organization, whatever they set themselves. */
  @Column('boolean', { name: 'require_four_eyes_in_subtree', default: false })
  requireFourEyesInSubtree!: boolean;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
