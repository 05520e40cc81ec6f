// What other features may use of trading: the live order and fill stream, for pages whose
// figures move with every fill (portfolio).
export { fallbackPollMs, useTradingStream } from './useTradingStream';
