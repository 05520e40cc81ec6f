import { secondaryButton } from '../../components/styles';
import { useExportBarsCsvMutation, type BarsRequest } from './marketsApi';

/** Downloads the bars on screen as CSV; the request carries the session token, which a plain link would not. */
export function ExportBarsButton({ request }: { request: BarsRequest }) {
  const [exportCsv, { isLoading }] = useExportBarsCsvMutation();

  async function download() {
    // A failure is already shown as a notification by the store.
    const csv = await exportCsv(request)
      .unwrap()
      .catch(() => null);
    if (csv === null) return;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${request.instrument}-${request.interval}-${request.from.slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <button
      type="button"
      className={secondaryButton}
      onClick={() => void download()}
      disabled={isLoading}
      data-testid="export-bars"
    >
      {isLoading ? 'Exporting…' : 'Export CSV'}
    </button>
  );
}
