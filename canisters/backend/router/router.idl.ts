/** Candid types of the router API (chat, workers, health, quotas, history, configuration). */
import { IDL } from 'azle';

const unit = (...tags: string[]): IDL.VariantClass => IDL.Variant(Object.fromEntries(tags.map((t) => [t, IDL.Null])));

export const TrustTier = unit('onchain', 'replicated_outcall', 'non_replicated_outcall');
export const ApiFormat = unit('deai', 'openai', 'ollama', 'anthropic');
export const WorkerMode = unit('replicated', 'non_replicated');
export const WorkerStatus = unit('pending', 'approved', 'rejected', 'suspended');
export const Backend = unit('llm_canister', 'worker');
export const Preference = unit('most_trusted', 'cheapest', 'fastest');
export const BreakerPhase = unit('closed', 'open', 'half_open');

export const WorkerModel = IDL.Record({ name: IDL.Text, variant_id: IDL.Opt(IDL.Text), context_tokens: IDL.Nat32 });
/** What an operator registers; a stored Worker is these fields plus its id, owner and review state. */
const registrationFields = {
    url: IDL.Text,
    api_format: ApiFormat,
    models: IDL.Vec(WorkerModel),
    hardware_id: IDL.Opt(IDL.Text),
    runtime_id: IDL.Opt(IDL.Text),
    price_input_usd_per_mtok: IDL.Float64,
    price_output_usd_per_mtok: IDL.Float64,
    mode: WorkerMode
};
export const WorkerRegistration = IDL.Record(registrationFields);
export const Worker = IDL.Record({
    id: IDL.Text,
    owner: IDL.Text,
    ...registrationFields,
    status: WorkerStatus,
    created_ns: IDL.Nat64,
    reviewed_by: IDL.Opt(IDL.Text)
});
export const WorkerPage = IDL.Record({ items: IDL.Vec(Worker), total: IDL.Nat32 });

export const Probe = IDL.Record({ t_s: IDL.Nat64, ok: IDL.Bool, latency_ms: IDL.Nat32, detail: IDL.Text });
export const TargetHealth = IDL.Record({
    target: IDL.Text,
    probes: IDL.Nat32,
    uptime: IDL.Opt(IDL.Float64),
    latency_ms: IDL.Opt(IDL.Nat32),
    last_ok_s: IDL.Opt(IDL.Nat64),
    breaker: BreakerPhase,
    consecutive_failures: IDL.Nat32,
    open_until_s: IDL.Nat64,
    recent: IDL.Vec(Probe)
});

export const RoutePreference = IDL.Record({
    backend: IDL.Opt(Backend),
    worker_id: IDL.Opt(IDL.Text),
    min_trust: IDL.Opt(TrustTier),
    max_price_usd: IDL.Opt(IDL.Float64),
    prefer: IDL.Opt(Preference)
});
export const ChatArgs = IDL.Record({
    conversation_id: IDL.Opt(IDL.Text),
    model: IDL.Opt(IDL.Text),
    task: IDL.Opt(IDL.Text),
    message: IDL.Text,
    system: IDL.Opt(IDL.Text),
    max_tokens: IDL.Opt(IDL.Nat32),
    temperature: IDL.Opt(IDL.Float64),
    route: IDL.Opt(RoutePreference)
});
/** `outcome` is one of the AttemptOutcome codes of src/shared/router/router.types.ts (text, not a variant, so a
 * vec of attempts encodes natively with one element type: candid-reply.ts). */
export const Attempt = IDL.Record({ target: IDL.Text, outcome: IDL.Text, detail: IDL.Text, cycles: IDL.Nat, latency_ms: IDL.Nat32 });
export const ContextAction = IDL.Variant({
    none: IDL.Null,
    trimmed: IDL.Record({ dropped_messages: IDL.Nat32, dropped_bytes: IDL.Nat32, limit: IDL.Text }),
    routed_for_context: IDL.Record({ reason: IDL.Text })
});
export const Route = IDL.Record({
    backend: Backend,
    worker_id: IDL.Opt(IDL.Text),
    model: IDL.Text,
    variant_id: IDL.Opt(IDL.Text),
    trust: TrustTier,
    input_tokens: IDL.Nat32,
    output_tokens: IDL.Nat32,
    tokens_reported: IDL.Bool,
    cycles: IDL.Nat,
    latency_ms: IDL.Nat32,
    attempts: IDL.Vec(Attempt),
    context: ContextAction
});
export const ChatReply = IDL.Record({ conversation_id: IDL.Text, message_index: IDL.Nat32, content: IDL.Text, finish_reason: IDL.Text, route: Route });

export const RouterError = IDL.Variant({
    Unauthorized: IDL.Record({ reason: IDL.Text }),
    NotFound: IDL.Record({ entity: IDL.Text, id: IDL.Text }),
    InvalidInput: IDL.Record({ field: IDL.Text, reason: IDL.Text }),
    InputTooLong: IDL.Record({ field: IDL.Text, limit: IDL.Nat64, actual: IDL.Nat64 }),
    QuotaExceeded: IDL.Record({ resource: IDL.Text, used: IDL.Nat, requested: IDL.Nat, limit: IDL.Nat }),
    RateLimited: IDL.Record({ retry_after_s: IDL.Nat32 }),
    NoRoute: IDL.Record({ reason: IDL.Text, skipped: IDL.Vec(Attempt) }),
    AllRoutesFailed: IDL.Record({ attempts: IDL.Vec(Attempt) }),
    LimitExceeded: IDL.Record({ limit: IDL.Text, max: IDL.Nat64 }),
    Conflict: IDL.Record({ id: IDL.Text, reason: IDL.Text })
});
export const RouterResult = (ok: IDL.Type): IDL.VariantClass => IDL.Variant({ Ok: ok, Err: RouterError });

export const QuotaLimits = IDL.Record({ requests_per_day: IDL.Nat32, tokens_per_day: IDL.Nat64, cycles_per_day: IDL.Nat, requests_per_minute: IDL.Nat32 });
export const UsageView = IDL.Record({
    principal: IDL.Text,
    day: IDL.Nat32,
    requests: IDL.Nat32,
    tokens: IDL.Nat64,
    cycles: IDL.Nat,
    reserved_requests: IDL.Nat32,
    reserved_tokens: IDL.Nat64,
    reserved_cycles: IDL.Nat,
    total_requests: IDL.Nat64,
    total_tokens: IDL.Nat64,
    total_cycles: IDL.Nat,
    limits: QuotaLimits
});
export const RouteTotals = IDL.Record({ target: IDL.Text, requests: IDL.Nat64, failures: IDL.Nat64, input_tokens: IDL.Nat64, output_tokens: IDL.Nat64, cycles: IDL.Nat });
export const UsageTotals = IDL.Record({ principals: IDL.Nat32, requests: IDL.Nat64, tokens: IDL.Nat64, cycles: IDL.Nat, routes: IDL.Vec(RouteTotals) });

export const Conversation = IDL.Record({ id: IDL.Text, title: IDL.Text, created_ns: IDL.Nat64, updated_ns: IDL.Nat64, message_count: IDL.Nat32 });
export const ConversationPage = IDL.Record({ items: IDL.Vec(Conversation), total: IDL.Nat32 });
export const StoredMessage = IDL.Record({ index: IDL.Nat32, role: IDL.Text, content: IDL.Text, created_ns: IDL.Nat64, route_json: IDL.Opt(IDL.Text) });

export const TaskRoute = IDL.Record({ task: IDL.Text, model: IDL.Text });
export const BreakerConfig = IDL.Record({ failure_threshold: IDL.Nat32, cooldown_s: IDL.Nat32, max_cooldown_s: IDL.Nat32 });
export const RouterConfig = IDL.Record({
    llm_canister_id: IDL.Principal,
    llm_enabled: IDL.Bool,
    llm_models: IDL.Vec(IDL.Text),
    schnorr_key_name: IDL.Text,
    allow_http_loopback: IDL.Bool,
    subnet_size: IDL.Nat32,
    default_limits: QuotaLimits,
    breaker: BreakerConfig,
    default_model: IDL.Text,
    tasks: IDL.Vec(TaskRoute),
    probe_interval_s: IDL.Nat32
});
