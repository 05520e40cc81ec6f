// What other features may use of markets: the desk's chart look, so every chart reads alike.
export { chartColours, createDeskChart } from './deskChart';
