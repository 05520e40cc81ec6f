import { api } from '../../app/api';
import type {
  BookPositions,
  CounterpartyRegister,
  NewCounterparty,
  PnlHistory,
  PositionGrouping,
} from './types';

// The trading endpoints invalidate 'Position' after anything that may fill, so positions
// and P&L refresh as orders fill; a changed credit limit refreshes the counterparties.
export const portfolioApi = api
  .enhanceEndpoints({ addTagTypes: ['Position', 'Counterparty'] })
  .injectEndpoints({
    endpoints: (build) => ({
      bookPositions: build.query<BookPositions, { book?: string; groupBy: PositionGrouping }>({
        query: ({ book, groupBy }) => ({
          url: 'portfolio/positions',
          params: { groupBy, ...(book ? { book } : {}) },
        }),
        providesTags: ['Position'],
      }),
      pnlHistory: build.query<PnlHistory, { book?: string }>({
        query: ({ book }) => ({ url: 'portfolio/pnl/history', params: book ? { book } : {} }),
        providesTags: ['Position'],
      }),
      counterparties: build.query<CounterpartyRegister, void>({
        query: () => 'portfolio/counterparties',
        providesTags: ['Counterparty'],
      }),
      registerCounterparty: build.mutation<unknown, NewCounterparty>({
        query: (body) => ({ url: 'portfolio/counterparties', method: 'POST', body }),
        invalidatesTags: ['Counterparty'],
      }),
      changeCreditLimit: build.mutation<unknown, { id: string; creditLimit: number }>({
        query: ({ id, creditLimit }) => ({
          url: `portfolio/counterparties/${encodeURIComponent(id)}`,
          method: 'PATCH',
          body: { creditLimit },
        }),
        invalidatesTags: ['Counterparty'],
      }),
    }),
  });

export const {
  useBookPositionsQuery,
  usePnlHistoryQuery,
  useCounterpartiesQuery,
  useRegisterCounterpartyMutation,
  useChangeCreditLimitMutation,
} = portfolioApi;
