/** A position as `GET /api/v1/positions` reports it, for the caller's account. */
export interface Position {
  instrumentId: string;
  netQuantity: number;
  averagePrice: number | null;
  realisedPnl: number;
  unrealisedPnl: number | null;
  markPrice: number | null;
}
