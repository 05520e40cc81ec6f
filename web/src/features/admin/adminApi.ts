import { api } from '../../app/api';
import type { Page, User } from '../../app/types';

export interface UserQuery {
  limit: number;
  offset: number;
  q?: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export interface UserChange {
  id: string;
  displayName?: string;
  roles?: string[];
  disabled?: boolean;
  resetMfa?: boolean;
}

export interface RolePolicy {
  role: string;
  permissions: string[];
  mfaRequired: boolean;
}

export const adminApi = api.injectEndpoints({
  endpoints: (build) => ({
    listUsers: build.query<Page<User>, UserQuery>({
      query: ({ limit, offset, q }) => ({
        url: 'users',
        params: { limit, offset, ...(q ? { q } : {}) },
      }),
      providesTags: ['User'],
    }),
    createUser: build.mutation<User, NewUser>({
      query: (body) => ({ url: 'users', method: 'POST', body }),
      invalidatesTags: ['User', 'Audit'],
    }),
    updateUser: build.mutation<User, UserChange>({
      query: ({ id, ...body }) => ({
        url: `users/${encodeURIComponent(id)}`,
        method: 'PATCH',
        body,
      }),
      invalidatesTags: ['User', 'Audit', 'Me'],
    }),
    // Lifts the sign-in locks on a name (someone else's guessing can lock it).
    unlockSignIn: build.mutation<null, string>({
      query: (id) => ({ url: `users/${encodeURIComponent(id)}/unlock`, method: 'POST' }),
      invalidatesTags: ['Audit'],
    }),
    listRoles: build.query<{ items: RolePolicy[] }, void>({
      query: () => 'roles',
      providesTags: ['Role'],
    }),
    setRoleMfa: build.mutation<RolePolicy, { role: string; required: boolean }>({
      query: ({ role, required }) => ({
        url: `roles/${encodeURIComponent(role)}/mfa`,
        method: 'PUT',
        body: { required },
      }),
      invalidatesTags: ['Role', 'User', 'Audit'],
    }),
  }),
});

export const {
  useListUsersQuery,
  useCreateUserMutation,
  useUpdateUserMutation,
  useUnlockSignInMutation,
  useListRolesQuery,
  useSetRoleMfaMutation,
} = adminApi;
