/** "Previous page" / "Next page" over a forward connection. */
export default function Pager({ label, canPrevious, canNext, onPrevious, onNext, summary }: {
  label: string;
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  summary?: string;
}) {
  return (
    <div className="pager" role="group" aria-label={label}>
      <button type="button" className="secondary" disabled={!canPrevious} onClick={onPrevious}>Previous page</button>
      <button type="button" className="secondary" disabled={!canNext} onClick={onNext}>Next page</button>
      {summary && <span className="muted">{summary}</span>}
    </div>
  );
}
