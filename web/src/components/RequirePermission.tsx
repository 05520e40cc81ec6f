import type { ReactNode } from 'react';
import { useAppSelector } from '../app/hooks';
import { canOpen } from '../app/navigation';
import { selectPermissions } from '../app/session';
import { Forbidden } from './Forbidden';

/** Renders the page only for a user holding one of the permissions, so it never requests data it may not see. */
export function RequirePermission({
  anyOf,
  children,
}: {
  anyOf: readonly string[];
  children: ReactNode;
}) {
  const permissions = useAppSelector(selectPermissions);
  return canOpen({ anyOf }, permissions) ? children : <Forbidden />;
}
