import { api } from '../../app/api';
import type {
  NewLimit,
  OptionPosition,
  RiskAlert,
  RiskLimit,
  StressResults,
  VarGrouping,
  VarMethod,
  VarRun,
  VarRunRequest,
  VarRunState,
} from './types';

// A new limit changes utilisation and may raise alerts at the next look.
export const riskApi = api
  .enhanceEndpoints({
    addTagTypes: ['RiskLimit', 'RiskAlert', 'RiskVar', 'RiskVarRun', 'RiskOption'],
  })
  .injectEndpoints({
    endpoints: (build) => ({
      valueAtRisk: build.query<
        VarRun,
        { method: VarMethod; confidence: number; horizonDays: number; groupBy?: VarGrouping }
      >({
        query: (q) => ({ url: 'risk/var', params: q }),
        providesTags: ['RiskVar'],
      }),
      startVarRun: build.mutation<VarRunState, VarRunRequest>({
        query: (body) => ({ url: 'risk/var/runs', method: 'POST', body }),
      }),
      varRun: build.query<VarRunState, string>({
        query: (runId) => `risk/var/runs/${encodeURIComponent(runId)}`,
        providesTags: (_result, _error, runId) => [{ type: 'RiskVarRun', id: runId }],
      }),
      stress: build.query<StressResults, void>({
        query: () => 'risk/stress',
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
      options: build.query<{ items: OptionPosition[] }, void>({
        query: () => 'risk/options',
        providesTags: ['RiskOption'],
      }),
    }),
  });

export const {
  useValueAtRiskQuery,
  useStartVarRunMutation,
  useVarRunQuery,
  useStressQuery,
  useLimitsQuery,
  useCreateLimitMutation,
  useAlertsQuery,
  useOptionsQuery,
} = riskApi;
