import { secondaryButton } from './styles';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}

export function Pager({ offset, limit, total, onOffset }: PagerProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <div className="mt-3 flex items-center justify-between gap-2 text-sm text-slate-400">
      <span>
        {first}–{last} of {total}
      </span>
      <div className="flex gap-2">
        <button
          type="button"
          className={secondaryButton}
          disabled={offset === 0}
          onClick={() => onOffset(Math.max(0, offset - limit))}
        >
          Previous
        </button>
        <button
          type="button"
          className={secondaryButton}
          disabled={offset + limit >= total}
          onClick={() => onOffset(offset + limit)}
        >
          Next
        </button>
      </div>
    </div>
  );
}
