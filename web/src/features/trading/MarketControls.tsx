import { useAppSelector } from '../../app/hooks';
import { selectPermissions } from '../../app/session';
import { dangerButton, secondaryButton } from '../../components/styles';
import { controlPanel, type ControlAction } from './controls';
import {
  useHaltBookMutation,
  useMarketControlsQuery,
  useSetKillSwitchMutation,
} from './tradingApi';

function ControlButton({
  label,
  action,
  onPress,
  danger = false,
  testId,
}: {
  label: string;
  action: ControlAction;
  onPress: () => void;
  danger?: boolean;
  testId: string;
}) {
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={danger ? dangerButton : secondaryButton}
        disabled={!action.enabled}
        title={action.reason ?? undefined}
        onClick={onPress}
        data-testid={testId}
      >
        {label}
      </button>
      {action.reason ? <span className="text-xs text-slate-400">{action.reason}</span> : null}
    </span>
  );
}

/** The halted banner of a book, and halt, resume and the desk kill switch for those allowed. */
export function MarketControls({ instrumentId }: { instrumentId: string }) {
  const permissions = useAppSelector(selectPermissions);
  const { data } = useMarketControlsQuery();
  const [haltBook, halting] = useHaltBookMutation();
  const [setKillSwitch, switching] = useSetKillSwitchMutation();
  const book = data?.books.find((b) => b.instrumentId === instrumentId);
  const panel = controlPanel(book, data?.killSwitch ?? false, permissions);
  const busy = halting.isLoading || switching.isLoading;
  const pending = (a: ControlAction): ControlAction =>
    busy ? { enabled: false, reason: a.reason } : a;
  return (
    <div className="space-y-2" data-testid="market-controls">
      {panel.banner ? (
        <p
          role="status"
          className="rounded-md border border-rose-800 bg-rose-950/60 px-3 py-2 text-sm text-rose-200"
          data-testid="halted-banner"
        >
          {panel.banner}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <ControlButton
          label="Halt book"
          action={pending(panel.halt)}
          onPress={() => void haltBook({ instrumentId, halt: true })}
          testId="halt-book"
        />
        <ControlButton
          label="Resume book"
          action={pending(panel.resume)}
          onPress={() => void haltBook({ instrumentId, halt: false })}
          testId="resume-book"
        />
        <ControlButton
          label={panel.killSwitch.engaged ? 'Release kill switch' : 'Kill switch: halt every book'}
          action={pending(panel.killSwitch)}
          onPress={() => void setKillSwitch(!panel.killSwitch.engaged)}
          danger={!panel.killSwitch.engaged}
          testId="kill-switch"
        />
      </div>
    </div>
  );
}
