import { useEffect, useRef, useState } from 'react';
import { invitationExpiry } from './familyLogic';

export interface Invitation { name: string; email: string; url: string; token: string; expiresAt: string | null }

/**
 * The invitation link and token, shown this once (the server keeps only a
 * hash): copy buttons, and a warning that it works once and expires.
 */
export default function InvitationResult({ invitation, onDismiss }: { invitation: Invitation; onDismiss: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [invitation]);
  return (
    <div className="card invitation" aria-labelledby="invitation-heading" role="region">
      <h3 id="invitation-heading" tabIndex={-1} ref={heading}>Invitation for {invitation.name}</h3>
      <p className="warning" role="alert">
        <span aria-hidden="true">⚠ </span>
        <strong>Shown once:</strong> copy the link now and send it to {invitation.email}. It cannot be shown again.{' '}
        {invitationExpiry(invitation.expiresAt)}
      </p>
      <CopyField label="Invitation link" value={invitation.url} />
      <CopyField label="Invitation token" value={invitation.token} />
      <div className="form-buttons">
        <button type="button" className="secondary" onClick={onDismiss}>Done</button>
      </div>
    </div>
  );
}

function CopyField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<'' | 'ok' | 'fail'>('');
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('ok');
    } catch {
      input.current?.select();
      setCopied('fail');
    }
  }
  return (
    <div className="copy-field">
      <label>
        {label}
        <input ref={input} type="text" readOnly value={value} onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" className="secondary" onClick={copy}>Copy {label.toLowerCase()}</button>
      <span role="status" className="hint">
        {copied === 'ok' ? 'Copied.' : copied === 'fail' ? 'Could not copy: the text is selected, press Ctrl+C (⌘C).' : ''}
      </span>
    </div>
  );
}
