import { Link } from 'react-router';

export function NotFound() {
  return (
    <section className="mt-10 text-center text-slate-400">
      <h1 className="text-lg font-semibold text-slate-200">Page not found</h1>
      <p className="mt-2 text-sm">
        There is nothing at this address.{' '}
        <Link to="/" className="text-sky-400 hover:underline">
          Go to the start page
        </Link>
        .
      </p>
    </section>
  );
}
