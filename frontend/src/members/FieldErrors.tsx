/** The messages for one field, right under it; `id` lets the control point at them. */
export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
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
