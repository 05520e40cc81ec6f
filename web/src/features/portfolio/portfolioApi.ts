import { api } from '../../app/api';
import type { Position } from './types';

// The trading endpoints invalidate 'Position' after anything that may fill.
export const portfolioApi = api.enhanceEndpoints({ addTagTypes: ['Position'] }).injectEndpoints({
  endpoints: (build) => ({
    positions: build.query<{ items: Position[] }, void>({
      query: () => 'positions',
      providesTags: ['Position'],
    }),
  }),
});

export const { usePositionsQuery } = portfolioApi;
