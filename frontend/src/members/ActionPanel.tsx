import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import './tabPages.css';

/**
 * A button that opens an inline panel with a form; the form gets `close`,
 * and focus goes back to the button when it closes.
 */
export default function ActionPanel({ label, title, children }: {
  label: string;
  title?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // Opening moves focus to the form's first control.
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [open]);
  function close() {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  }
  return (
    <div className="action-panel">
      <button ref={button} type="button" className="secondary" aria-expanded={open} aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open && (
        <div id={id} ref={panel} className="panel" role="group" aria-label={title ?? label}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
