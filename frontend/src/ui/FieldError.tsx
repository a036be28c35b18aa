/**
 * The messages for one field, right under it. Always rendered (empty and
 * hidden when none), so the control's aria-describedby points somewhere and
 * the alert region exists before a message arrives.
 */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] | string | undefined }) {
  const text = typeof messages === 'string' ? messages : (messages ?? []).join(' ');
  return (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  );
}

/** Messages for the form as a whole; nothing when there are none. */
export function FormError({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      {messages.map((m) => <p key={m} className="field-error">{m}</p>)}
    </div>
  );
}
