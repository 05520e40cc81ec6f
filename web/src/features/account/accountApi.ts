import { api } from '../../app/api';

export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

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
