import type { OrganizationView } from '@vestnik/contracts';
import { buildOrganizationTree, visibleAncestors } from './organization-tree';

function organization(id: string, name: string, parentId: string | null, ownTimezone: string | null = null): OrganizationView {
  return {
    id,
    name,
    parentId,
    timezone: ownTimezone ?? 'Europe/Moscow',
    ownTimezone,
    archived: false,
    requireAdminTotp: false,
    allowSelfApproval: false,
    requireFourEyesInSubtree: false,
    fourEyes: { selfApprovalAllowed: false, requiredBy: null },
    myRole: 'admin',
    createdAt: '2025-01-01T00:00:00.000Z',
  };
}

describe('buildOrganizationTree', () => {
  it('nests region → ministry → school and sorts siblings by Russian name, numbers naturally', () => {
    const tree = buildOrganizationTree([
      organization('s10', 'Школа № 10', 'm'),
      organization('s2', 'Школа № 2', 'm'),
      organization('m', 'Министерство образования', 'r'),
      organization('a', 'Агентство', 'r'),
      organization('r', 'Область', null),
    ]);
    expect(tree.map((n) => n.organization.id)).toEqual(['r']);
    expect(tree[0].children.map((n) => n.organization.name)).toEqual(['Агентство', 'Министерство образования']);
    expect(tree[0].children[1].children.map((n) => n.organization.name)).toEqual(['Школа № 2', 'Школа № 10']);
  });

  it('treats an organization whose parent the caller cannot see as a root', () => {
    const tree = buildOrganizationTree([organization('m', 'Министерство', 'hidden'), organization('s', 'Школа', 'm')]);
    expect(tree.map((n) => n.organization.id)).toEqual(['m']);
    expect(tree[0].children.map((n) => n.organization.id)).toEqual(['s']);
  });

  it('returns an empty tree for an empty list', () => {
    expect(buildOrganizationTree([])).toEqual([]);
  });
});

describe('visibleAncestors', () => {
  it('walks up to the first invisible parent, nearest first', () => {
    const list = [
      organization('r', 'Область', 'hidden', 'Asia/Sakhalin'),
      organization('m', 'Министерство', 'r'),
      organization('s', 'Школа', 'm'),
    ];
    const byId = new Map(list.map((o) => [o.id, o]));
    expect(visibleAncestors(list[2], byId).map((o) => o.id)).toEqual(['m', 'r']);
    expect(visibleAncestors(list[0], byId)).toEqual([]);
  });
});
