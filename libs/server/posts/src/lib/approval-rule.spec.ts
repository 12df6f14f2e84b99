import type { PostProblem } from '@vestnik/contracts';
import { approvalRefusal, rejectionRefusal, ReviewFacts, toApprovalView } from './approval-rule';

const facts = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  status: 'in_review',
  role: 'supervisor',
  organization: { name: 'Министерство образования', archived: false },
  fourEyes: { selfApprovalAllowed: false, requiredBy: null },
  isAuthor: false,
  editedVersions: [],
  problems: [],
  ...over,
});

const late: PostProblem = { channelId: null, channelName: null, platform: null, code: 'scheduled_in_past', field: 'scheduledAt', message: 'Время публикации уже прошло' };

describe('the approval rule', () => {
  it('lets a supervisor or admin who wrote none of it approve a post in review', () => {
    expect(approvalRefusal(facts())).toBeNull();
    expect(approvalRefusal(facts({ role: 'admin' }))).toBeNull();
    expect(toApprovalView(facts())).toEqual({ canApprove: true, reason: null, code: null, canReject: true, rejectReason: null });
  });

  it('refuses by role first, then status, archive, four eyes and the platforms, in that order', () => {
    const everything = facts({ role: 'editor', status: 'draft', organization: { name: 'Совет', archived: true }, isAuthor: true, problems: [late] });
    expect(approvalRefusal(everything)?.code).toBe('forbidden');
    expect(approvalRefusal({ ...everything, role: 'supervisor' })?.code).toBe('invalid_transition');
    expect(approvalRefusal({ ...everything, role: 'supervisor', status: 'in_review' })).toMatchObject({ status: 409, code: 'organization_archived', message: 'Организация «Совет» в архиве: согласовывать материалы нельзя. Сначала верните её из архива' });
    expect(approvalRefusal({ ...everything, role: 'supervisor', status: 'in_review', organization: { name: 'Совет', archived: false } })).toMatchObject({ status: 403, code: 'four_eyes' });
    expect(approvalRefusal(facts({ problems: [late] }))).toMatchObject({ status: 422, code: 'post_not_publishable', message: 'Площадки не примут материал: Время публикации уже прошло' });
    expect(approvalRefusal(facts({ role: null }))?.code).toBe('forbidden');
  });

  it('names the status in Russian', () => {
    expect(approvalRefusal(facts({ status: 'scheduled' }))?.message).toBe('Материал не на согласовании: сейчас его статус «Согласован, ждёт публикации»');
  });

  it('bars the author and whoever changed it since the last approval, unless self-approval is allowed', () => {
    expect(approvalRefusal(facts({ isAuthor: true }))?.message).toMatch(/^Автор не может согласовать собственный материал/);
    const edited = approvalRefusal(facts({ editedVersions: [2, 4] }));
    expect(edited).toMatchObject({ code: 'four_eyes', details: { editedVersions: [2, 4] } });
    expect(edited?.message).toContain('(версии 2, 4)');
    expect(approvalRefusal(facts({ editedVersions: [3] }))?.message).toContain('(версия 3)');
    expect(approvalRefusal(facts({ isAuthor: true, editedVersions: [1], fourEyes: { selfApprovalAllowed: true, requiredBy: null } }))).toBeNull();
  });

  it('lets the author send his own post back, but not an editor, and only while in review', () => {
    expect(rejectionRefusal(facts({ isAuthor: true }))).toBeNull();
    expect(rejectionRefusal(facts({ role: 'editor' }))?.message).toBe('Возвращать на доработку материалы могут только руководители и администраторы организации');
    expect(rejectionRefusal(facts({ status: 'draft' }))?.code).toBe('invalid_transition');
    expect(toApprovalView(facts({ isAuthor: true }))).toMatchObject({ canApprove: false, code: 'four_eyes', canReject: true, rejectReason: null });
  });
});
