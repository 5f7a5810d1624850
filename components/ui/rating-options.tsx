/** The rating scale as a select's options, in scale order (the caller adds its own empty choice first). */
export function RatingOptions({ ratings }: { ratings: readonly { id: string; label: string }[] }) {
  return (
    <>
      {ratings.map((r) => (
        <option key={r.id} value={r.id}>
          {r.label}
        </option>
      ))}
    </>
  );
}
