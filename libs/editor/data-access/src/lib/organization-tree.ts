import type { OrganizationView } from '@vestnik/contracts';

export interface OrganizationNode {
  organization: OrganizationView;
  children: OrganizationNode[];
}

const byName = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

/**
 * Builds the tree from the flat list the API answers. The caller sees only his own subtrees, so an
 * organization whose parent is not in the list is a root.
 */
export function buildOrganizationTree(organizations: readonly OrganizationView[]): OrganizationNode[] {
  const nodes = new Map<string, OrganizationNode>();
  for (const organization of organizations) nodes.set(organization.id, { organization, children: [] });

  const roots: OrganizationNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.organization.parentId;
    const parent = parentId && parentId !== node.organization.id ? nodes.get(parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrganizationNode[]) => {
    list.sort((a, b) => byName.compare(a.organization.name, b.organization.name));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Ancestors of an organization that are visible to the caller, nearest first. */
export function visibleAncestors(
  organization: OrganizationView,
  byId: ReadonlyMap<string, OrganizationView>,
): OrganizationView[] {
  const result: OrganizationView[] = [];
  const seen = new Set<string>([organization.id]);
  let parentId = organization.parentId;
  while (parentId && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    result.push(parent);
    seen.add(parent.id);
    parentId = parent.parentId;
  }
  return result;
}
