//! Exports of the submission protocol (the outbox's rules).

use wasm_bindgen::prelude::*;

use super::{call_json, call_object, json_text};
use crate::outbox;

/// The next step of one outbox entry: its next state, the event to journal, and what to do next.
///
/// `entry` is the journaled submission (`state`, `operation`, `keys`, `createdAt`, `sentAt?`,
/// `transactionId?`, `status?`); `observed` (optional) what the host has just learnt, an object
/// with one key: `sendAnswered`, `sendFailed`, `transactionStatus`, `transactionNotFound`,
/// `purchaseOrderStates` or `atAmazon`. Returns `state`, `action` (`confirm`, `resolve`, `wait`,
/// `askPerson`, `none`), `retryAt`, `inDoubt`, `maySubmitAgain`, `event` (journal it, with the
/// host's own detail beside it) and `reason`.
///
/// @example
/// ```js
/// const next = nextOutboxAction({
///   entry: { state: "pending", operation: "submitAcknowledgement", keys: ["PO1"], createdAt },
///   observed: { sendAnswered: { transactionId: response.payload.transactionId } },
///   now: new Date().toISOString(),
/// });
/// if (next.event) await journal.append({ ...next.event, id });
/// ```
/// @throws {ConnectorError} `code` e.g. `OBSERVATION_NOT_APPLICABLE`, `MISSING_TRANSACTION_ID`,
/// `TRANSACTION_MISMATCH`, `MISSING_FIELD`, `INVALID_DATE`.
#[wasm_bindgen(js_name = nextOutboxAction, unchecked_return_type = "NextOutboxActionOutput")]
pub fn next_outbox_action(
    #[wasm_bindgen(unchecked_param_type = "NextOutboxActionInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    call_object(&input, outbox::next_outbox_action)
}

/// `nextOutboxAction` on JSON text: takes the input as JSON, returns the output as JSON.
///
/// @example
/// ```js
/// const next = JSON.parse(nextOutboxActionJson(JSON.stringify({ entry, observed, now })));
/// ```
#[wasm_bindgen(js_name = nextOutboxActionJson)]
pub fn next_outbox_action_json(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> Result<String, JsValue> {
    let input = &json_text(&input)?;
    call_json(input, outbox::next_outbox_action)
}
