/**
 * The dev identity provider page (served at `/_/identity/`). It speaks Internet Identity's client protocol
 * (internet-identity-spec.md §"Client authentication protocol"): post `authorize-ready` to the opener, receive
 * `authorize-client`, let the user pick a user name, then post `authorize-client-success` with the delegation
 * chain it obtained from `POST /_/identity/delegation`.
 */
export const PROVIDER_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DeAI Atlas devnet identity</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>
 body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
 label, input, button { display: block; width: 100%; box-sizing: border-box; font-size: 1rem; }
 input { padding: .5rem; margin: .25rem 0 1rem; }
 button { padding: .6rem; cursor: pointer; }
 #status { color: #555; min-height: 1.5rem; }
 .warn { background: #fff4d6; padding: .5rem; border-radius: .25rem; font-size: .9rem; }
</style>
</head>
<body>
<h1>Devnet identity</h1>
<p class="warn">Local development only. Each user name gives a stable principal per app origin; no passkey is involved.</p>
<form id="form">
 <label for="user">User name or number</label>
 <input id="user" name="user" value="10000" maxlength="64" pattern="[A-Za-z0-9_.\\-]{1,64}" required autocomplete="username">
 <button id="submit" type="submit" disabled>Continue</button>
</form>
<p id="status">Waiting for the app…</p>
<script type="module">
const status = document.getElementById('status');
const button = document.getElementById('submit');
let request, clientOrigin, client;
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text) => new Uint8Array(text.match(/../g).map((h) => parseInt(h, 16)));
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.kind !== 'authorize-client' || !(data.sessionPublicKey instanceof Uint8Array)) return;
  request = data; clientOrigin = event.origin; client = event.source;
  status.textContent = 'Sign in to ' + (data.derivationOrigin || clientOrigin);
  button.disabled = false;
});
document.getElementById('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!request) return;
  button.disabled = true;
  status.textContent = 'Signing…';
  const body = {
    user: document.getElementById('user').value,
    origin: request.derivationOrigin || clientOrigin,
    sessionPublicKey: hex(request.sessionPublicKey),
    ...(request.maxTimeToLive !== undefined ? { maxTimeToLive: String(request.maxTimeToLive) } : {})
  };
  const res = await fetch('./delegation', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) {
    const text = await res.text();
    status.textContent = 'Failed: ' + text;
    client.postMessage({ kind: 'authorize-client-failure', text }, clientOrigin);
    return;
  }
  const json = await res.json();
  client.postMessage({
    kind: 'authorize-client-success',
    delegations: json.delegations.map((d) => ({
      delegation: { pubkey: unhex(d.delegation.pubkey), expiration: BigInt(d.delegation.expiration) },
      signature: unhex(d.signature)
    })),
    userPublicKey: unhex(json.userPublicKey),
    authnMethod: 'passkey'
  }, clientOrigin);
  status.textContent = 'Signed in as ' + json.principal;
});
if (window.opener) window.opener.postMessage({ kind: 'authorize-ready' }, '*');
else status.textContent = 'Open this page through AuthClient.login({ identityProvider }).';
</script>
</body>
</html>
`;
