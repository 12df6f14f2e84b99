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

/** One line of an organization picker: the tree flattened in order, with depth and the path above. */
export interface OrganizationOption {
  organization: OrganizationView;
  depth: number;
  /** Names of the ancestors in the list, root first: shown when a search takes a line out of its place. */
  path: string[];
}

/** The tree flattened depth-first, as a picker lists it. */
export function flattenOrganizationTree(tree: readonly OrganizationNode[]): OrganizationOption[] {
  const result: OrganizationOption[] = [];
  const walk = (nodes: readonly OrganizationNode[], path: string[]) => {
    for (const node of nodes) {
      result.push({ organization: node.organization, depth: path.length, path });
      walk(node.children, [...path, node.organization.name]);
    }
  };
  walk(tree, []);
  return result;
}

/**
 * Lines whose name contains every word typed (any case, «ё» as «е»), in tree order. An empty query
 * keeps every line.
 */
export function filterOrganizationOptions(options: readonly OrganizationOption[], query: string): OrganizationOption[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((option) => {
    const name = normalize(option.organization.name);
    return words.every((word) => name.includes(word));
  });
}

function normalize(text: string): string {
  return text.toLocaleLowerCase('ru').replaceAll('ё', 'е'); // i18n-exempt: a search finds «ёлка» by «елка»
}
