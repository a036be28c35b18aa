/**
 * The messages for one field, right under it. Always rendered (empty when
 * none), so the control's aria-describedby points somewhere and the alert
 * region exists before a message arrives.
 */
export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  return (
    <span id={id} className="field-error" role="alert">
      {messages.join(' ')}
    </span>
  );
}

/** Messages for the form as a whole. */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="field-error" role="alert">
      {messages.map((m) => <p key={m}>{m}</p>)}
    </div>
  );
}
