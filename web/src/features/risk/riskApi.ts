import { api } from '../../app/api';
import type { NewLimit, RiskAlert, RiskLimit, StressResults, VarMethod, VarRun } from './types';

// A new limit changes utilisation and may raise alerts at the next look.
export const riskApi = api.enhanceEndpoints({ addTagTypes: ['RiskLimit', 'RiskAlert', 'RiskVar'] }).injectEndpoints({
  endpoints: (build) => ({
    valueAtRisk: build.query<VarRun, { method: VarMethod; confidence: number; horizonDays: number }>({
      query: (q) => ({ url: 'risk/var', params: q }),
      providesTags: ['RiskVar'],
    }),
    stress: build.query<StressResults, void>({
      query: () => ({ url: 'risk/stress', method: 'POST', body: {} }),
    }),
    limits: build.query<{ items: RiskLimit[] }, void>({
      query: () => 'risk/limits',
      providesTags: ['RiskLimit'],
    }),
    createLimit: build.mutation<RiskLimit, NewLimit>({
      query: (body) => ({ url: 'risk/limits', method: 'POST', body }),
      invalidatesTags: ['RiskLimit', 'RiskAlert'],
    }),
    alerts: build.query<{ items: RiskAlert[] }, void>({
      query: () => 'risk/alerts',
      providesTags: ['RiskAlert'],
    }),
  }),
});

export const { useValueAtRiskQuery, useStressQuery, useLimitsQuery, useCreateLimitMutation, useAlertsQuery } = riskApi;
