import { api } from '../../app/api';
import type { ApiResponse } from '../../app/api-contract';

export type MfaEnrolment = ApiResponse<'/api/v1/me/mfa/enrol', 'post'>;

export const accountApi = api.injectEndpoints({
  endpoints: (build) => ({
    enrolMfa: build.mutation<MfaEnrolment, void>({
      query: () => ({ url: 'me/mfa/enrol', method: 'POST' }),
    }),
    confirmMfa: build.mutation<void, { totp: string }>({
      query: (body) => ({ url: 'me/mfa/confirm', method: 'POST', body }),
      invalidatesTags: ['Me'],
    }),
  }),
});

export const { useEnrolMfaMutation, useConfirmMfaMutation } = accountApi;
