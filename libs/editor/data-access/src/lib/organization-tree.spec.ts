import type { OrganizationView } from '@vestnik/contracts';
import { buildOrganizationTree, filterOrganizationOptions, flattenOrganizationTree, visibleAncestors } from './organization-tree';

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

describe('organization picker lines', () => {
  const tree = buildOrganizationTree([
    organization('r', 'Область', null),
    organization('m', 'Министерство образования', 'r'),
    organization('s', 'Школа № 2 посёлка Ёлкино', 'm'),
    organization('a', 'Агентство', 'r'),
  ]);
  const options = flattenOrganizationTree(tree);

  it('flattens the tree depth-first with depth and the names above', () => {
    expect(options.map((o) => [o.organization.id, o.depth])).toEqual([['r', 0], ['a', 1], ['m', 1], ['s', 2]]);
    expect(options[3].path).toEqual(['Область', 'Министерство образования']);
  });

  it('keeps lines containing every typed word, any case, ё as е', () => {
    expect(filterOrganizationOptions(options, '  ').length).toBe(4);
    expect(filterOrganizationOptions(options, 'ШКОЛА елкино').map((o) => o.organization.id)).toEqual(['s']);
    expect(filterOrganizationOptions(options, 'министерство школа')).toEqual([]);
  });

  it('handles hundreds of organizations', () => {
    const many = [organization('root', 'Область', null)];
    for (let i = 1; i <= 500; i++) many.push(organization(`o${i}`, `Школа № ${i}`, 'root'));
    const lines = flattenOrganizationTree(buildOrganizationTree(many));
    expect(lines.length).toBe(501);
    const found = filterOrganizationOptions(lines, '№ 25').map((o) => o.organization.name);
    // 25, 125, 225, 325, 425 and 250–259.
    expect(found.length).toBe(15);
    expect(found.every((name) => name.includes('25'))).toBe(true);
  });
});
