//! What `nextOutboxAction` reads and returns.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::spapi::ApiError;
use crate::spapi::orders::PurchaseOrderState;
use crate::spapi::transactions::TransactionState;
use crate::time::Instant;

/// Where a submission stands. `pending`, `sent` and `unknown` are in doubt (Amazon may hold the
/// submission); `rejected`, `settled` and `released` are terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OutboxState {
    /// The intent is journaled; no answer to the POST is journaled (`intent` is read as this).
    #[serde(alias = "intent")]
    Pending,
    /// Amazon answered the POST with a transaction id.
    Sent,
    /// The POST failed in a way that does not prove Amazon did not take it (5xx, timeout,
    /// dropped connection, an answer without a transaction id).
    Unknown,
    /// Amazon refused it, or it provably never left: nothing of it is at Amazon.
    Rejected,
    /// Its outcome is known (`status` Success or Failure).
    Settled,
    /// Amazon was shown never to have taken it: the work may be decided and sent again.
    Released,
}

impl OutboxState {
    /// Every state, in the order of the protocol.
    pub const ALL: [OutboxState; 6] = [
        OutboxState::Pending,
        OutboxState::Sent,
        OutboxState::Unknown,
        OutboxState::Rejected,
        OutboxState::Settled,
        OutboxState::Released,
    ];

    /// The state's name as hosts store it.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::Sent => "sent",
            OutboxState::Unknown => "unknown",
            OutboxState::Rejected => "rejected",
            OutboxState::Settled => "settled",
            OutboxState::Released => "released",
        }
    }

    /// Whether no observation can move the entry any more.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            OutboxState::Rejected | OutboxState::Settled | OutboxState::Released
        )
    }
}

/// The final status of a settled entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum SettledStatus {
    /// Amazon processed the submission.
    Success,
    /// Amazon refused the submission (its errors are journaled).
    Failure,
}

/// One journaled submission, as the host stored it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutboxEntry {
    /// Where the submission stands (see the module's rules table).
    pub state: OutboxState,
    /// The SP-API operation, e.g. `"submitAcknowledgement"`.
    pub operation: String,
    /// What the submission concerns (PO numbers for an acknowledgement).
    #[serde(default)]
    pub keys: Vec<String>,
    /// When the intent was journaled.
    pub created_at: Instant,
    /// When Amazon's answer with the transaction id was journaled (hosts that do not record it
    /// leave it out; `createdAt` is used instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub sent_at: Option<Instant>,
    /// The transaction id Amazon returned for the POST, once sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub transaction_id: Option<String>,
    /// For a settled entry: its outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub status: Option<SettledStatus>,
}

/// Amazon answered the POST (2xx).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendAnswer {
    /// `payload.transactionId` of the answer (absent or empty: the answer did not carry one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub transaction_id: Option<String>,
}

/// The POST failed: what the HTTP client knows about the failure.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendFailure {
    /// The HTTP status, when a response arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub status: Option<u16>,
    /// The client's error code (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub code: Option<String>,
    /// The request provably never left (the token exchange failed, the connection was refused).
    #[serde(default)]
    pub not_sent: bool,
    /// The client says the request may have reached Amazon.
    #[serde(default)]
    pub delivery_unknown: bool,
    /// The client says the failure is transient (informational: a transient failure of a POST
    /// may still have reached Amazon).
    #[serde(default)]
    pub retryable: bool,
}

/// Amazon's `Transaction` from getTransaction, as it came (`payload.transactionStatus`). An
/// answer without a status (no payload) is `{}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TransactionObserved {
    /// The transaction id the answer is about (checked against the entry's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub transaction_id: Option<String>,
    /// The transaction's status; absent when Amazon's answer had none (decides nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub status: Option<TransactionState>,
    /// Amazon's errors for a failed transaction, journaled as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub errors: Option<Vec<ApiError>>,
}

/// getTransaction's 404: `{}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct NotFound {}

/// What a host-specific resolver learnt about a submission without a transaction id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum AmazonHolds {
    /// Amazon has the submission (e.g. the PO shows as acknowledged).
    Received,
    /// Amazon does not have it: the entry can be released and sent again.
    NotReceived,
    /// The host could not tell: the entry stays in doubt.
    Unknown,
}

/// What the host has just learnt about the entry: an object with exactly one of these keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Observation {
    /// Amazon answered the POST (2xx).
    SendAnswered(SendAnswer),
    /// The POST failed.
    SendFailed(SendFailure),
    /// getTransaction answered for the entry's transaction id.
    TransactionStatus(TransactionObserved),
    /// getTransaction answered that Amazon does not know the transaction id (404).
    TransactionNotFound(NotFound),
    /// `purchaseOrderState` of each PO of an acknowledgement (getPurchaseOrder), by PO number;
    /// `null` where Amazon returned no PO.
    PurchaseOrderStates(BTreeMap<String, Option<PurchaseOrderState>>),
    /// A host resolver's verdict for an operation without a transaction id.
    AtAmazon(AmazonHolds),
}

impl Observation {
    /// The observation's key (its JSON pointer segment under `/observed`).
    pub fn name(&self) -> &'static str {
        match self {
            Observation::SendAnswered(_) => "sendAnswered",
            Observation::SendFailed(_) => "sendFailed",
            Observation::TransactionStatus(_) => "transactionStatus",
            Observation::TransactionNotFound(_) => "transactionNotFound",
            Observation::PurchaseOrderStates(_) => "purchaseOrderStates",
            Observation::AtAmazon(_) => "atAmazon",
        }
    }
}

/// The protocol's timing rules (seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutboxRules {
    /// How long Amazon may take to process a submission (default 900: the RP guide's 15
    /// minutes). A transaction still Processing this long after it was sent has succeeded; an
    /// entry in doubt whose POs are still New this long after its intent never arrived.
    #[serde(default = "default_settle_grace")]
    pub settle_grace_seconds: u32,
    /// An entry still in doubt this long after its intent, with nothing conclusive learnt, is
    /// handed to a person (default 3600).
    #[serde(default = "default_ask_person_after")]
    pub ask_person_after_seconds: u32,
}

fn default_settle_grace() -> u32 {
    super::engine::DEFAULT_SETTLE_GRACE_SECONDS
}

fn default_ask_person_after() -> u32 {
    super::engine::DEFAULT_ASK_PERSON_AFTER_SECONDS
}

impl Default for OutboxRules {
    fn default() -> Self {
        OutboxRules {
            settle_grace_seconds: default_settle_grace(),
            ask_person_after_seconds: default_ask_person_after(),
        }
    }
}

/// The input of `nextOutboxAction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NextOutboxActionInput {
    /// The journaled entry, as the host stored it.
    pub entry: OutboxEntry,
    /// What the host has just learnt; absent when it asks what to do next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub observed: Option<Observation>,
    /// The time of the decision (the core never reads the clock).
    pub now: Instant,
    /// Waiting and retry settings (defaults documented in the module README).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub rules: OutboxRules,
}

/// What the host does next with the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OutboxAction {
    /// Ask getTransaction for the entry's transaction id, then call again with
    /// `transactionStatus` or `transactionNotFound`.
    Confirm,
    /// Ask Amazon for the state of what the entry concerns (each PO's `purchaseOrderState` for
    /// an acknowledgement), then call again with `purchaseOrderStates` or `atAmazon`.
    Resolve,
    /// Nothing to ask before `retryAt` (or the next run when there is none); the entry stays in
    /// doubt and its keys stay busy.
    Wait,
    /// Still in doubt, and nothing the host can ask settles it: a person must look.
    AskPerson,
    /// The entry is terminal.
    None,
}

/// Which evidence settled or released an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ResolvedBy {
    /// Amazon's getTransaction answered Success or Failure.
    GetTransaction,
    /// The transaction stayed Processing for 15 minutes: Amazon's guide says it succeeded.
    ProcessingFor15Minutes,
    /// The state of the POs at Amazon showed the submission was received.
    StateAtAmazon,
    /// Amazon did not know the transaction id long after sending.
    TransactionNotFound,
}

/// The kind of event to journal: the entry's new state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OutboxEventType {
    /// The POST was answered with a transaction id.
    Sent,
    /// The POST may have reached Amazon, but no answer says so.
    Unknown,
    /// Amazon refused the POST: nothing was recorded.
    Rejected,
    /// The transaction reached a final status.
    Settled,
    /// The entry no longer holds its keys: they may be submitted again.
    Released,
}

/// The event the host journals (then applies: `state` = `type`, and the other fields onto the
/// entry). Hosts add their own detail (the error summary, Amazon's error list) beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OutboxEvent {
    /// What happened (`sent`, `unknown`, `rejected`, `settled`, `released`).
    #[serde(rename = "type")]
    pub event_type: OutboxEventType,
    /// The transaction id, on `sent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub transaction_id: Option<String>,
    /// The outcome, on `settled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub status: Option<SettledStatus>,
    /// True only when Success is assumed from 15 minutes of Processing.
    #[serde(skip_serializing_if = "is_false")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub assumed_success: bool,
    /// How the outcome was learnt, on `settled`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub resolved_by: Option<ResolvedBy>,
}

/// The output of `nextOutboxAction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct NextOutboxActionOutput {
    /// The entry's state once `event` is journaled (its current state when there is none).
    pub state: OutboxState,
    /// What to do next.
    pub action: OutboxAction,
    /// For `wait`: the earliest instant at which asking again can change the outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub retry_at: Option<Instant>,
    /// Amazon may hold the submission: its keys are busy (nothing about them is decided or sent
    /// again) and, for an acknowledgement, its body counts as history.
    pub in_doubt: bool,
    /// Nothing of the submission is at Amazon (refused, never sent, never arrived, or failed
    /// there): its work may be decided again and sent in a new entry.
    pub may_submit_again: bool,
    /// The event to journal before acting, or absent when the entry does not change.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub event: Option<OutboxEvent>,
    /// Why, in a sentence a person can act on.
    pub reason: &'static str,
}

fn is_false(value: &bool) -> bool {
    !*value
}
