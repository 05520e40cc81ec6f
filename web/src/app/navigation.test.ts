// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { homePath, visibleNavigation } from './navigation';

function labels(permissions: string[]) {
  return visibleNavigation(permissions).map((section) => [
    section.label,
    section.links.map((link) => link.label),
  ]);
}

describe('the navigation a user sees', () => {
  it('shows a viewer only the desk areas they can read and no admin section', () => {
    expect(labels(['market-data:read', 'portfolio:read'])).toEqual([
      ['Desk', ['Markets', 'Portfolio']],
    ]);
  });

  it('shows a compliance officer the audit log under Admin without the user pages', () => {
    expect(labels(['compliance:read', 'audit:read'])).toEqual([
      ['Desk', ['Compliance']],
      ['Admin', ['Audit log']],
    ]);
  });

  it('shows an administrator every admin page', () => {
    const admin = visibleNavigation([
      'users:read',
      'users:write',
      'roles:write',
      'apikeys:manage',
      'audit:read',
    ]);
    expect(admin.find((s) => s.label === 'Admin')?.links.map((l) => l.path)).toEqual([
      '/admin/users',
      '/admin/roles',
      '/admin/api-keys',
      '/admin/audit',
    ]);
  });

  it('opens Trading with the orders permission rather than a trading one', () => {
    expect(labels(['orders:read'])).toEqual([['Desk', ['Trading']]]);
  });

  it('lands a user without any area on their account page', () => {
    expect(homePath([])).toBe('/account');
    expect(homePath(['risk:read', 'audit:read'])).toBe('/risk');
  });
});
