import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { inputClass, primaryButton } from '../../components/styles';
import { useUploadDatasetMutation } from './forecastsApi';
import type { Dataset } from './types';

/** Reads an epftoolbox-layout CSV from disk and sends it as a new data set. */
export function DatasetUpload({ onUploaded }: { onUploaded: (dataset: Dataset) => void }) {
  const [file, setFile] = useState<File | null>(null);
  // A file input cannot be cleared from state; a new key gives a fresh one after an upload.
  const [inputKey, setInputKey] = useState(0);
  const [name, setName] = useState('');
  const [market, setMarket] = useState('NP');
  const [upload, { isLoading }] = useUploadDatasetMutation();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const csv = await file.text();
    const result = await upload({ name: name || file.name.replace(/\.csv$/i, ''), market, csv });
    if ('data' in result && result.data) {
      onUploaded(result.data);
      setFile(null);
      setName('');
      setInputKey((k) => k + 1);
    }
  }

  return (
    <form
      className="grid gap-3 sm:grid-cols-4 sm:items-end"
      onSubmit={(e) => void submit(e)}
      data-testid="dataset-upload"
    >
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="dataset-file" className="block text-sm text-slate-300">
          CSV file (date, price, two exogenous forecasts)
        </label>
        <input
          key={inputKey}
          id="dataset-file"
          name="dataset-file"
          type="file"
          accept=".csv,text/csv"
          className={inputClass}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <Field
        label="Name"
        name="dataset-name"
        value={name}
        placeholder={file?.name ?? 'Nord Pool'}
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        label="Market code"
        name="dataset-market"
        value={market}
        maxLength={32}
        onChange={(e) => setMarket(e.target.value)}
      />
      <div className="sm:col-span-4">
        <button
          type="submit"
          className={primaryButton}
          disabled={!file || isLoading || market.trim() === ''}
        >
          {isLoading ? 'Uploading…' : 'Upload data set'}
        </button>
      </div>
    </form>
  );
}
