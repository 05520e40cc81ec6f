import { randomUUID } from 'node:crypto';
import type { Bus } from '../../../platform/bus/bus.js';

export const CONTROL_TOPIC = 'trading.control';
export const CONTROL_APPLIED_TOPIC = 'trading.control_applied';

/** A halt or resume of one book, asked of whichever instance owns it. */
export interface ControlCommand {
  instrumentId: string;
  kind: 'halt' | 'resume';
  reason: 'halted' | 'kill_switch';
  /** The HTTP request that asked, for the owner's log. */
  requestId?: string | undefined;
}

interface ControlRequest extends ControlCommand {
  relayId: string;
}

interface ControlApplied {
  relayId: string;
  ok: boolean;
}

export interface ControlRelayDeps {
  bus: Bus;
  owns(instrumentId: string): boolean;
  /** Applies the command to a book this instance owns (a command in the book's log). */
  apply(command: ControlCommand): Promise<void>;
  /** How long an asking instance waits for the owner's answer. */
  timeoutMs?: number;
}

export type ForwardOutcome = 'applied' | 'refused' | 'no_answer';

/**
 * Carries halts and the kill switch to the instance that owns a book. Only the owner
 * may write a book's log, so an instance that receives a halt for a book it does not
 * own publishes it on the bus and waits for the owner's answer; with Redis the
 * request reaches every instance and exactly the owner applies it. A book whose owner
 * has just died has nobody to answer: the caller is told, and asks again once the
 * successor has taken the book.
 */
export class ControlRelay {
  private readonly waiting = new Map<string, (outcome: ForwardOutcome) => void>();
  private readonly offs: (() => Promise<void>)[] = [];

  constructor(private readonly deps: ControlRelayDeps) {}

  async start(): Promise<void> {
    const { bus } = this.deps;
    this.offs.push(
      await bus.subscribe(CONTROL_TOPIC, (message) => this.onRequest(message as ControlRequest)),
      await bus.subscribe(CONTROL_APPLIED_TOPIC, (message) => {
        const applied = message as ControlApplied;
        this.waiting.get(applied.relayId)?.(applied.ok ? 'applied' : 'refused');
      }),
    );
  }

  async stop(): Promise<void> {
    for (const off of this.offs.splice(0)) await off();
    for (const settle of [...this.waiting.values()]) settle('no_answer');
  }

  /** Asks the owner to apply the command and resolves with its answer. */
  forward(command: ControlCommand): Promise<ForwardOutcome> {
    const relayId = randomUUID();
    return new Promise<ForwardOutcome>((resolve) => {
      const timer = setTimeout(() => settle('no_answer'), this.deps.timeoutMs ?? 5000);
      const settle = (outcome: ForwardOutcome): void => {
        clearTimeout(timer);
        this.waiting.delete(relayId);
        resolve(outcome);
      };
      this.waiting.set(relayId, settle);
      const request: ControlRequest = { ...command, relayId };
      this.deps.bus.publish(CONTROL_TOPIC, request).catch(() => settle('no_answer'));
    });
  }

  private onRequest(request: ControlRequest): void {
    // Every instance hears the request; only the owner answers, and the asker never does.
    if (this.waiting.has(request.relayId) || !this.deps.owns(request.instrumentId)) return;
    const { relayId, ...command } = request;
    this.deps
      .apply(command)
      .then(
        () => true,
        () => false,
      )
      .then((ok) => this.deps.bus.publish(CONTROL_APPLIED_TOPIC, { relayId, ok }))
      .catch(() => undefined);
  }
}
