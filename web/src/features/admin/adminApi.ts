import { api } from '../../app/api';
import type { ApiRequest, ApiResponse } from '../../app/api-contract';
import type { Page, User } from '../../app/types';

export interface UserQuery {
  limit: number;
  offset: number;
  q?: string;
}

export type NewUser = ApiRequest<'/api/v1/users', 'post'>;

export type UserChange = { id: string } & ApiRequest<'/api/v1/users/{id}', 'patch'>;

export type RolePolicy = ApiResponse<'/api/v1/roles', 'get'>['items'][number];

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
