import { knownRoles } from '../../app/types';
import { useListRolesQuery } from './adminApi';

/** Role names from the server, or the contract's list while it has not answered. */
export function useRoleNames(): readonly string[] {
  const { data } = useListRolesQuery();
  return data?.items.map((r) => r.role) ?? knownRoles;
}
