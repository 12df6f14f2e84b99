import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Platform, PostView, Role } from '@vestnik/contracts';
import { PLATFORMS } from '@vestnik/contracts';
import { parseZonedInstant } from '@vestnik/contracts';
import { AccessService, OrganizationAccess } from '@vestnik/server/auth';
import { notFound, SignedInActor, validationFailed } from '@vestnik/server/http';
import { effectiveTimezones } from '@vestnik/server/organizations';
import { PostEntity } from './entities/post.entity';
import { fourEyesFacts, MIN_LEAD_MS, toApprovalView } from './approval-rule';
import { ImagesByPlatform, postLevelProblems, postProblems, TargetChannel } from './post-content';
import { PostImage, PostMediaLookup } from './post-media';
import { PublicationRow, toPostView } from './post-view';

/** Loading posts with their access checks, targets, images and views: shared by the posts use cases. */
@Injectable()
export class PostContext {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly media: PostMediaLookup,
  ) {}

  /** The post and the caller's access to its organization; 404 when outside his subtrees. */
  async load(actor: SignedInActor, id: string, role: Role): Promise<{ post: PostEntity; access: OrganizationAccess }> {
    const post = /^[0-9a-f-]{36}$/i.test(id) ? await this.dataSource.manager.findOneBy(PostEntity, { id }) : null;
    if (!post) throw notFound('Материал');
    const access = await this.access.require(actor.user.id, post.organizationId, role, 'Материал');
    return { post, access };
  }

  requireOrganization(actor: SignedInActor, organizationId: string, role: Role): Promise<OrganizationAccess> {
    return this.access.require(actor.user.id, organizationId, role);
  }

  async timezoneOf(organizationId: string): Promise<string> {
    return (await effectiveTimezones(this.dataSource, [organizationId])).get(organizationId) ?? 'UTC';
  }

  /** Reads a date-time typed in the organization's zone (or with an offset); 400 naming the field otherwise. */
  instant(value: string, timezone: string, field: string): Date {
    const parsed = parseZonedInstant(value, timezone);
    if (!parsed) throw validationFailed([{ field, rule: 'isZonedDateTime', message: `Поле «${field}»: укажите дату и время, например 2026-12-01T10:00` }]);
    return parsed;
  }

  /** The channels a post in `organizationPath` may target; anything else is refused naming its index. */
  async targets(organizationPath: string, channelIds: string[]): Promise<TargetChannel[]> {
    const unique = [...new Set(channelIds)];
    const rows: TargetChannel[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.platform, c.state FROM channels c JOIN organizations o ON o.id = c.organization_id
        WHERE c.id = ANY($1::uuid[]) AND c.deleted_at IS NULL AND o.path LIKE $2`,
      [unique, `${organizationPath}%`],
    );
    const found = new Set(rows.map((r) => r.id));
    const errors = channelIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !found.has(id))
      .map(({ i }) => ({ field: `channelIds.${i}`, rule: 'channelInSubtree', message: `Поле «channelIds.${i}»: такого канала нет среди страниц этой организации и подчинённых` }));
    if (channelIds.length !== unique.length) errors.push({ field: 'channelIds', rule: 'unique', message: 'Поле «channelIds»: каналы повторяются' } as (typeof errors)[number]);
    if (errors.length) throw validationFailed(errors);
    return rows;
  }

  /** The images, checked to belong to the organization's subtree; typed as `platform` will receive them. */
  async images(organizationPath: string, mediaIds: string[], platform?: Platform): Promise<Map<string, PostImage>> {
    const found = await this.media.describe(mediaIds, platform);
    if (found.size === 0) return found;
    const orgIds = [...new Set([...found.values()].map((m) => m.organizationId))];
    const inside: { id: string }[] = await this.dataSource.query(`SELECT id FROM organizations WHERE id = ANY($1::uuid[]) AND path LIKE $2`, [orgIds, `${organizationPath}%`]);
    const allowed = new Set(inside.map((r) => r.id));
    return new Map([...found].filter(([, m]) => allowed.has(m.organizationId)));
  }

  /** Refuses media ids that do not exist in the organization's subtree. */
  async assertImages(organizationPath: string, mediaIds: string[]): Promise<void> {
    const images = await this.images(organizationPath, mediaIds);
    const errors = mediaIds.map((id, i) => ({ id, i })).filter(({ id }) => !images.has(id));
    if (errors.length) {
      throw validationFailed(errors.map(({ i }) => ({ field: `mediaIds.${i}`, rule: 'mediaInSubtree', message: `Поле «mediaIds.${i}»: изображение не найдено среди файлов этой организации` })));
    }
  }

  /** The images once per platform, as each will receive them, for validation. */
  async imagesByPlatform(organizationPath: string, mediaIds: string[]): Promise<ImagesByPlatform> {
    const byPlatform = new Map<Platform, Map<string, PostImage>>();
    for (const platform of PLATFORMS) byPlatform.set(platform, mediaIds.length ? await this.images(organizationPath, mediaIds, platform) : new Map());
    return (platform) => byPlatform.get(platform) ?? new Map();
  }

  async publicationRows(postIds: string[]): Promise<PublicationRow[]> {
    if (postIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT p.id, p.post_id, p.channel_id, c.name AS channel_name, c.state AS channel_state, p.platform, p.status, p.remote_id, p.url, p.attempts, p.last_error, p.published_at
         FROM publications p JOIN channels c ON c.id = p.channel_id
        WHERE p.post_id = ANY($1::uuid[]) ORDER BY c.name`,
      [postIds],
    );
  }

  /**
   * Views for several posts of one organization's subtree, as `viewer` sees them (whether he may
   * approve each), with a few queries in all.
   */
  async views(posts: PostEntity[], organizationPath: string, viewer: SignedInActor): Promise<PostView[]> {
    if (posts.length === 0) return [];
    const publications = await this.publicationRows(posts.map((p) => p.id));
    const imagesFor = await this.imagesByPlatform(organizationPath, [...new Set(posts.flatMap((p) => p.mediaIds))]);
    const organizationIds = [...new Set(posts.map((p) => p.organizationId))];
    const zones = await effectiveTimezones(this.dataSource, organizationIds);
    const authors: { id: string; name: string }[] = await this.dataSource.query('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [[...new Set(posts.map((p) => p.authorId))]]);
    const authorNames = new Map(authors.map((a) => [a.id, a.name]));
    const accessTo = await this.accessTo(viewer.user.id, organizationIds);
    const fourEyes = await fourEyesFacts(this.dataSource.manager, viewer.user.id, posts);
    const earliest = new Date(Date.now() + MIN_LEAD_MS);
    return posts.map((post) => {
      const own = publications.filter((r) => r.post_id === post.id);
      const targets: TargetChannel[] = own.map((r) => ({ id: r.channel_id, name: r.channel_name, platform: r.platform, state: r.channel_state }));
      const problems = postProblems(post, targets, imagesFor);
      const access = accessTo.get(post.organizationId);
      const approval = toApprovalView({
        status: post.status,
        role: access?.role ?? null,
        organization: { name: access?.organization.name ?? '', archived: !!access?.organization.archivedAt },
        fourEyes: fourEyes.rule(post.organizationId),
        isAuthor: post.authorId === viewer.user.id,
        editedVersions: fourEyes.editedVersions(post.id),
        problems: [...problems, ...postLevelProblems(post, targets.length, earliest)],
      });
      return toPostView(post, {
        authorName: authorNames.get(post.authorId) ?? '',
        timezone: zones.get(post.organizationId) ?? 'UTC',
        publications: own,
        problems,
        approval,
      });
    });
  }

  async view(post: PostEntity, organizationPath: string, viewer: SignedInActor): Promise<PostView> {
    return (await this.views([post], organizationPath, viewer))[0];
  }

  /** The person's access to each organization: one query for one, his whole tree for several. */
  private async accessTo(userId: string, organizationIds: string[]): Promise<Map<string, OrganizationAccess>> {
    if (organizationIds.length === 1) {
      const one = await this.access.find(userId, organizationIds[0]);
      return new Map(one ? [[organizationIds[0], one]] : []);
    }
    return new Map((await this.access.visible(userId, true)).map((a) => [a.organization.id, a]));
  }
}
