/** Shown in place of a page the user's roles do not open; the server refuses the data anyway. */
export function Forbidden() {
  return (
    <section
      data-testid="forbidden"
      className="mx-auto mt-10 max-w-lg rounded-lg border border-amber-900/70 bg-amber-950/30 p-6 text-center"
    >
      <h1 className="text-lg font-semibold text-amber-200">
        You do not have permission to view this page
      </h1>
      <p className="mt-2 text-sm text-amber-100/70">
        Your roles do not include access to this area. Ask an administrator if you need it.
      </p>
    </section>
  );
}
