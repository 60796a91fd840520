import { describe, expect, it } from 'vitest';

import { databaseName, roleNames } from './names';
import { mergeSecurity, provisionPlan, sameSecurity } from './provision-plan';
import { securityOf } from './security';

describe('provisionPlan', () => {
  it('plans every member with their roles and a layer each, after the shared databases', () => {
    const plan = provisionPlan({ project: 'p', leads: ['Lea'], coders: ['alice', ' Bob ', 'lea'] }, { requireLead: true });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const roles = roleNames('p');
    expect(plan.value.users).toEqual([
      { name: 'lea', roles: [roles.coder, roles.lead] },
      { name: 'alice', roles: [roles.coder] },
      { name: 'bob', roles: [roles.coder] },
    ]);
    const kinds = plan.value.databases.map((d) => (d.db.kind === 'layer' ? `layer:${d.db.user}` : d.db.kind));
    expect(kinds).toEqual(['corpus', 'codebook', 'consensus', 'layer:lea', 'layer:alice', 'layer:bob']);
    for (const d of plan.value.databases) {
      expect(d.name).toBe(databaseName('p', d.db));
      expect(d.security).toEqual(securityOf('p', d.db));
    }
  });

  it('plans only the layer when the shared databases are not asked for (add-coder)', () => {
    const plan = provisionPlan({ project: 'p', leads: [], coders: ['carol'] }, { shared: false });
    expect(plan.ok && plan.value.databases.map((d) => d.name)).toEqual([databaseName('p', { kind: 'layer', user: 'carol' })]);
  });

  it('names every bad field at once', () => {
    const plan = provisionPlan({ project: 'Bad Key', leads: [], coders: ['', '_x', 'a,b', 'ok'] }, { requireLead: true });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.error.map((p) => p.field)).toEqual(['project', 'coders', 'coders', 'coders', 'leads']);
    expect(plan.error[3]!.message).toBe('“a,b” cannot be a user name: no colon, comma or white space');
  });
});

describe('mergeSecurity', () => {
  const planned = securityOf('p', { kind: 'layer', user: 'alice' });

  it('takes the plan on a fresh database (an empty security object)', () => {
    expect(mergeSecurity({}, planned)).toEqual(planned);
  });

  it('keeps who was let in already and adds what is missing', () => {
    const existing = { admins: { names: ['ops'], roles: [] }, members: { names: ['auditor'], roles: [] } };
    expect(mergeSecurity(existing, planned)).toEqual({ admins: { names: ['ops'], roles: [] }, members: { names: ['auditor', 'alice'], roles: [roleNames('p').lead] } });
  });

  it('compares regardless of order', () => {
    const reordered = { ...planned, members: { names: planned.members.names, roles: [...planned.members.roles].reverse() } };
    expect(sameSecurity(planned, reordered)).toBe(true);
    expect(sameSecurity(planned, securityOf('p', { kind: 'consensus' }))).toBe(false);
  });
});
