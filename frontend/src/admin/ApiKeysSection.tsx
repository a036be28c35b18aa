import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { AdminApiKeysQuery, ApiScope } from '../gql/graphql';
import { Empty, ErrorNote, Loading } from '../ui/States';
import { nextCursors, previousCursors } from './audit';
import { formatInstantDateTime } from '../ui/dates';
import { apiScopes, messageOf, scopeLabels } from './labels';
import Pager from './Pager';
import { ApiKeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation } from './queries';
import { FieldError, FormError } from '../ui/FieldError';
import { LabelledField } from '../ui/LabelledField';
import { useFormErrors } from '../ui/useFormErrors';

type ApiKey = AdminApiKeysQuery['apiKeys']['nodes'][number];

/** Partners' API keys: the list with last use, a new key (its secret shown once), revocation. */
export default function ApiKeysSection() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const context = useMemo(() => ({ additionalTypenames: ['ApiKey'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: ApiKeysQuery, variables: { after: cursors[cursors.length - 1] }, context });
  const keys = data?.apiKeys;

  return (
    <section aria-labelledby="api-keys" className="admin-section">
      <h2 id="api-keys">API keys</h2>
      <CreateApiKeyForm />
      {error && <ErrorNote error={error} />}
      {fetching && !keys && <Loading label="Loading API keys" />}
      {keys && keys.nodes.length === 0 && <Empty>No API keys yet.</Empty>}
      {keys && keys.nodes.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>API keys ({keys.totalCount})</caption>
            <thead>
              <tr>
                <th scope="col">Partner</th><th scope="col">Scopes</th><th scope="col">Prefix</th><th scope="col">Created</th>
                <th scope="col">Last used</th><th scope="col">Revoked</th><th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>{keys.nodes.map((k) => <ApiKeyRow key={k.id} apiKey={k} />)}</tbody>
          </table>
        </div>
      )}
      {keys && (
        <Pager
          label="API key pages"
          canPrevious={cursors.length > 1}
          canNext={keys.pageInfo.hasNextPage}
          onPrevious={() => setCursors(previousCursors(cursors))}
          onNext={() => setCursors(nextCursors(cursors, keys.pageInfo.endCursor))}
        />
      )}
    </section>
  );
}

function ApiKeyRow({ apiKey: k }: { apiKey: ApiKey }) {
  const [confirming, setConfirming] = useState(false);
  const [state, revoke] = useMutation(RevokeApiKeyMutation);
  const [problem, setProblem] = useState('');

  async function doRevoke() {
    setProblem('');
    const r = await revoke({ input: { apiKeyId: k.id } });
    setConfirming(false);
    const errs = r.data?.revokeApiKey.userErrors ?? [];
    if (errs.length) setProblem(messageOf(errs));
  }

  return (
    <tr className={k.isActive ? undefined : 'inactive'}>
      <th scope="row">{k.partnerName}</th>
      <td>{k.scopes.map((s) => <code key={s} className="scope">{scopeLabels[s].code}</code>)}</td>
      <td><code>cjk_{k.secretPrefix}…</code></td>
      <td>{formatInstantDateTime(k.createdAt)}{k.createdBy && <span className="muted"> by {k.createdBy.name}</span>}</td>
      <td>{k.lastUsedAt ? formatInstantDateTime(k.lastUsedAt) : <span className="muted">Never</span>}</td>
      <td>{k.revokedAt ? <>Revoked {formatInstantDateTime(k.revokedAt)}</> : <span className="ok">Active</span>}</td>
      <td>
        {k.isActive && !confirming && (
          <button type="button" className="secondary danger" onClick={() => setConfirming(true)}>
            Revoke<span className="visually-hidden"> the key of {k.partnerName} (cjk_{k.secretPrefix})</span>
          </button>
        )}
        {confirming && (
          <div className="confirm" role="group" aria-label={`Confirm revoking the key of ${k.partnerName}`}>
            <p>Revoke this key? {k.partnerName}’s requests with it are refused from now on.</p>
            <button type="button" className="danger" disabled={state.fetching} onClick={doRevoke}>Yes, revoke</button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        )}
        <FormError messages={problem ? [problem] : []} />
        {state.error && <ErrorNote error={state.error} />}
      </td>
    </tr>
  );
}

function CreateApiKeyForm() {
  const [partnerName, setPartnerName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const errors = useFormErrors(['partnerName', 'scopes']);
  const [created, setCreated] = useState<{ partnerName: string; secret: string } | null>(null);
  const [state, create] = useMutation(CreateApiKeyMutation);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setCreated(null);
    const r = await create({ input: { partnerName, scopes } });
    const payload = r.data?.createApiKey;
    if (!payload) return;
    errors.show(payload.userErrors);
    if (payload.apiKey && payload.secret) {
      setCreated({ partnerName: payload.apiKey.partnerName, secret: payload.secret });
      setPartnerName('');
      setScopes([]);
    }
  }

  function toggle(s: ApiScope, on: boolean) {
    setScopes((prev) => (on ? [...prev.filter((x) => x !== s), s] : prev.filter((x) => x !== s)));
  }

  const scopeError = errors.text('scopes');
  return (
    <div className="create-panel">
      <h3 id="create-api-key">Create API key</h3>
      {created && <SecretBox partnerName={created.partnerName} secret={created.secret} onDone={() => setCreated(null)} />}
      <form onSubmit={onSubmit} onChange={errors.onChange} className="admin-form" aria-labelledby="create-api-key">
        <LabelledField label="Partner" errorId="new-key-partner-error" messages={errors.of('partnerName')}>
          <input name="partnerName" value={partnerName} onChange={(e) => setPartnerName(e.target.value)} required maxLength={200} autoComplete="off"
            aria-describedby={errors.of('partnerName').length ? 'new-key-partner-error' : undefined} />
        </LabelledField>
        <fieldset className="scopes" aria-describedby={scopeError ? 'new-key-scopes-error' : undefined}>
          <legend>Scopes</legend>
          {apiScopes.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" name="scopes" checked={scopes.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
              <span><code>{scopeLabels[s].code}</code> <span className="muted">— {scopeLabels[s].what}</span></span>
            </label>
          ))}
          <FieldError id="new-key-scopes-error" messages={scopeError} />
        </fieldset>
        <FormError messages={errors.form} />
        {state.error && <ErrorNote error={state.error} />}
        <div><button type="submit" disabled={state.fetching}>Create API key</button></div>
      </form>
    </div>
  );
}

/** The new key's secret, shown this once, with copy and a warning. */
function SecretBox({ partnerName, secret, onDone }: { partnerName: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState('');
  const codeRef = useRef<HTMLElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard access (an insecure origin, or refused): select the text to copy by hand.
      const range = document.createRange();
      if (codeRef.current) {
        range.selectNodeContents(codeRef.current);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
      setCopied('Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  }

  return (
    <section className="secret-box" aria-labelledby="secret-title">
      <div role="status">
        <p id="secret-title"><strong>New API key for {partnerName}</strong></p>
        <p className="secret-warning"><span aria-hidden="true">⚠ </span><strong>This secret is shown once.</strong> Store it safely and give it to the partner now: it cannot be shown again.</p>
      </div>
      <p className="secret-line">
        <code ref={codeRef} className="secret" data-testid="api-key-secret">{secret}</code>
      </p>
      <div className="secret-actions">
        <button type="button" onClick={copy}>Copy secret</button>
        <button type="button" className="secondary" onClick={onDone}>Done</button>
        <span aria-live="polite">{copied}</span>
      </div>
    </section>
  );
}
