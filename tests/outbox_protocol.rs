//! `nextOutboxAction`: the submission protocol both hosts follow (src/outbox/README.md).
//!
//! Hand scenarios with exact outputs, one per rule; then properties over random histories: a
//! submission is never sent twice without a definite failure in between, terminal states stay
//! terminal, nothing leaves doubt without evidence, and every state is reachable.
//!
//! Amazon's rule behind the grace period, from the RP guide (reference/domain-rules.md):
//! "Per the RP guide, a retail transaction still Processing after 15 minutes has succeeded."

// Test code may panic: the no-panic lints of Cargo.toml's [lints] are for the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{Value, json};
use vendor_central_connector::error::CodedError;
use vendor_central_connector::input::parse_input;
use vendor_central_connector::outbox::{
    NextOutboxActionInput, NextOutboxActionOutput, OutboxError, OutboxState, next_outbox_action,
};

const T0: &str = "2026-11-22T08:00:00Z";

fn entry(state: &str) -> Value {
    let mut e = json!({ "state": state, "operation": "submitAcknowledgement", "keys": ["PO1", "PO2"], "createdAt": T0 });
    if state == "sent" {
        e["transactionId"] = json!("T-1");
        e["sentAt"] = json!("2026-11-22T08:00:02Z");
    }
    e
}

fn call(input: Value) -> Result<Value, (String, String)> {
    let text = input.to_string();
    let parsed: NextOutboxActionInput =
        parse_input(&text).map_err(|e| (e.code().to_string(), e.path()))?;
    next_outbox_action(parsed)
        .map(|out| serde_json::to_value(out).expect("serialises"))
        .map_err(|e: OutboxError| (e.code().to_string(), e.path()))
}

fn next(entry: Value, observed: Option<Value>, now: &str) -> Value {
    let mut input = json!({ "entry": entry, "now": now });
    if let Some(o) = observed {
        input["observed"] = o;
    }
    call(input).unwrap_or_else(|e| panic!("refused: {e:?}"))
}

#[test]
fn a_fresh_intent_is_resolved_never_sent_again() {
    // The host sends right after journaling the intent; found later, the intent may be at Amazon.
    assert_eq!(
        next(entry("intent"), None, "2026-11-22T08:00:01Z"),
        json!({
            "state": "pending", "action": "resolve", "inDoubt": true, "maySubmitAgain": false,
            "reason": "Amazon may hold it: ask for the state of what it concerns before anything about it is sent again."
        })
    );
}

#[test]
fn an_answer_with_a_transaction_id_makes_it_sent() {
    assert_eq!(
        next(
            entry("pending"),
            Some(json!({ "sendAnswered": { "transactionId": "T-9" } })),
            "2026-11-22T08:00:02Z"
        ),
        json!({
            "state": "sent", "action": "confirm", "inDoubt": true, "maySubmitAgain": false,
            "event": { "type": "sent", "transactionId": "T-9" },
            "reason": "Amazon took it: confirm its transaction with getTransaction."
        })
    );
    let out = next(
        entry("pending"),
        Some(json!({ "sendAnswered": {} })),
        "2026-11-22T08:00:02Z",
    );
    assert_eq!(
        (
            out["state"].clone(),
            out["event"].clone(),
            out["action"].clone()
        ),
        (
            json!("unknown"),
            json!({ "type": "unknown" }),
            json!("resolve")
        )
    );
}

#[test]
fn failed_posts_close_the_entry_only_on_proof_that_nothing_reached_amazon() {
    let failed = |f: Value| {
        next(
            entry("pending"),
            Some(json!({ "sendFailed": f })),
            "2026-11-22T08:00:02Z",
        )
    };
    let outcome = |o: &Value| {
        (
            o["state"].as_str().unwrap().to_string(),
            o["maySubmitAgain"].as_bool().unwrap(),
        )
    };
    let rejected = ("rejected".to_string(), true);
    let unknown = ("unknown".to_string(), false);
    assert_eq!(
        outcome(&failed(json!({ "notSent": true, "code": "LWA_FAILED" }))),
        rejected
    );
    assert_eq!(
        outcome(&failed(json!({ "status": 429, "retryable": true }))),
        rejected,
        "throttled: not processed"
    );
    assert_eq!(
        outcome(&failed(json!({ "status": 400 }))),
        rejected,
        "Amazon refused the body"
    );
    assert_eq!(
        outcome(&failed(json!({ "status": 307 }))),
        rejected,
        "a redirect the client refused: Amazon did not process it"
    );
    assert_eq!(
        outcome(&failed(
            json!({ "status": 500, "retryable": true, "deliveryUnknown": true })
        )),
        unknown
    );
    assert_eq!(outcome(&failed(json!({ "status": 503 }))), unknown);
    assert_eq!(
        outcome(&failed(json!({ "status": 408 }))),
        unknown,
        "a request timeout may have been processed"
    );
    assert_eq!(
        outcome(&failed(json!({ "code": "NETWORK_ERROR" }))),
        unknown,
        "no response at all"
    );
    assert_eq!(
        outcome(&failed(json!({ "status": 400, "deliveryUnknown": true }))),
        unknown,
        "the client's doubt wins over a 4xx"
    );
    assert_eq!(
        failed(json!({ "notSent": true })),
        json!({
            "state": "rejected", "action": "none", "inDoubt": false, "maySubmitAgain": true,
            "event": { "type": "rejected" },
            "reason": "The request never left (the token exchange failed or the connection was refused): nothing of it is at Amazon."
        })
    );
}

#[test]
fn purchase_order_states_resolve_an_acknowledgement_without_a_transaction_id() {
    let states = |a: Value| Some(json!({ "purchaseOrderStates": a }));
    // Every PO Acknowledged or Closed: Amazon processed it.
    assert_eq!(
        next(
            entry("unknown"),
            states(json!({ "PO1": "Acknowledged", "PO2": "Closed" })),
            "2026-11-22T08:01:00Z"
        ),
        json!({
            "state": "settled", "action": "none", "inDoubt": false, "maySubmitAgain": false,
            "event": { "type": "settled", "status": "Success", "resolvedBy": "stateAtAmazon" },
            "reason": "Amazon shows the submission processed."
        })
    );
    // Some PO still New within the grace period: Amazon may still be processing it.
    assert_eq!(
        next(
            entry("unknown"),
            states(json!({ "PO1": "Acknowledged", "PO2": "New" })),
            "2026-11-22T08:14:59Z"
        ),
        json!({
            "state": "unknown", "action": "wait", "retryAt": "2026-11-22T08:15:00Z", "inDoubt": true, "maySubmitAgain": false,
            "reason": "Amazon shows nothing of it yet, but may still be processing it: ask again once the grace period has passed."
        })
    );
    // …and once the grace period has passed: it never arrived.
    assert_eq!(
        next(
            entry("pending"),
            states(json!({ "PO1": "NEW", "PO2": "New" })),
            "2026-11-22T08:15:00Z"
        ),
        json!({
            "state": "released", "action": "none", "inDoubt": false, "maySubmitAgain": true,
            "event": { "type": "released", "resolvedBy": "stateAtAmazon" },
            "reason": "Amazon shows nothing of it after the grace period: it never arrived; its work may be decided and sent again."
        })
    );
    // A PO Amazon did not return is not proof: wait, then a person.
    let missing = states(json!({ "PO1": "New", "PO2": null }));
    assert_eq!(
        next(entry("unknown"), missing.clone(), "2026-11-22T08:30:00Z")["action"],
        "wait"
    );
    assert_eq!(
        next(
            entry("unknown"),
            states(json!({ "PO1": "New" })),
            "2026-11-22T08:30:00Z"
        )["action"],
        "wait"
    );
    let late = next(entry("unknown"), missing, "2026-11-22T09:00:00Z");
    assert_eq!(
        (
            late["action"].clone(),
            late["state"].clone(),
            late.get("event")
        ),
        (json!("askPerson"), json!("unknown"), None)
    );
    // A host's own resolver for another operation.
    let mut asn = entry("unknown");
    asn["operation"] = json!("submitShipmentConfirmations");
    assert_eq!(
        next(
            asn.clone(),
            Some(json!({ "atAmazon": "received" })),
            "2026-11-22T08:01:00Z"
        )["state"],
        "settled"
    );
    assert_eq!(
        next(
            asn.clone(),
            Some(json!({ "atAmazon": "notReceived" })),
            "2026-11-22T08:20:00Z"
        )["state"],
        "released"
    );
    assert_eq!(
        next(
            asn,
            Some(json!({ "atAmazon": "unknown" })),
            "2026-11-22T08:20:00Z"
        )["action"],
        "wait"
    );
}

#[test]
fn transaction_status_settles_a_sent_entry() {
    let status = |s: Value| Some(json!({ "transactionStatus": s }));
    assert_eq!(
        next(
            entry("sent"),
            status(
                json!({ "transactionId": "T-1", "status": "Failure", "errors": [{ "code": "InvalidInput", "message": "bad" }] })
            ),
            "2026-11-22T08:01:00Z"
        ),
        json!({
            "state": "settled", "action": "none", "inDoubt": false, "maySubmitAgain": true,
            "event": { "type": "settled", "status": "Failure", "resolvedBy": "getTransaction" },
            "reason": "The transaction failed at Amazon: nothing of it was accepted; correct what its errors name and submit again."
        })
    );
    assert_eq!(
        next(
            entry("sent"),
            status(json!({ "status": "Success" })),
            "2026-11-22T08:01:00Z"
        )["event"],
        json!({ "type": "settled", "status": "Success", "resolvedBy": "getTransaction" })
    );
    // Processing: wait until 15 minutes after sentAt, then Success is assumed.
    assert_eq!(
        next(
            entry("sent"),
            status(json!({ "status": "Processing" })),
            "2026-11-22T08:15:01Z"
        ),
        json!({
            "state": "sent", "action": "wait", "retryAt": "2026-11-22T08:15:02Z", "inDoubt": true, "maySubmitAgain": false,
            "reason": "Amazon is processing the transaction: confirm again, at the latest once the grace period has passed."
        })
    );
    assert_eq!(
        next(
            entry("sent"),
            status(json!({ "status": "Processing" })),
            "2026-11-22T08:15:02Z"
        )["event"],
        json!({ "type": "settled", "status": "Success", "assumedSuccess": true, "resolvedBy": "processingFor15Minutes" })
    );
    // No status in the answer is not Processing: it settles nothing.
    assert_eq!(
        next(entry("sent"), status(json!({})), "2026-11-22T08:30:00Z")["action"],
        "wait"
    );
    assert_eq!(
        next(entry("sent"), status(json!({})), "2026-11-22T09:00:02Z")["action"],
        "askPerson"
    );
    // Amazon does not know the transaction id: released once the grace period has passed.
    assert_eq!(
        next(
            entry("sent"),
            Some(json!({ "transactionNotFound": {} })),
            "2026-11-22T08:10:00Z"
        )["action"],
        "wait"
    );
    assert_eq!(
        next(
            entry("sent"),
            Some(json!({ "transactionNotFound": {} })),
            "2026-11-22T08:20:00Z"
        )["event"],
        json!({ "type": "released", "resolvedBy": "transactionNotFound" })
    );
    // Hosts without sentAt count from createdAt.
    let mut bare = entry("sent");
    bare.as_object_mut().unwrap().remove("sentAt");
    assert_eq!(
        next(
            bare,
            status(json!({ "status": "Processing" })),
            "2026-11-22T08:15:00Z"
        )["state"],
        "settled"
    );
}

#[test]
fn rules_change_the_grace_period() {
    let input = json!({
        "entry": entry("sent"), "observed": { "transactionStatus": { "status": "Processing" } },
        "now": "2026-11-22T08:00:02Z", "rules": { "settleGraceSeconds": 0 }
    });
    assert_eq!(call(input).unwrap()["state"], "settled");
}

#[test]
fn terminal_entries_ignore_late_answers() {
    for state in ["rejected", "settled", "released"] {
        for observed in [
            json!({ "sendAnswered": { "transactionId": "T-2" } }),
            json!({ "transactionStatus": { "status": "Failure" } }),
            json!({ "atAmazon": "notReceived" }),
        ] {
            let out = next(entry(state), Some(observed), "2026-11-23T08:00:00Z");
            assert_eq!(
                (
                    out["state"].as_str(),
                    out["action"].as_str(),
                    out.get("event")
                ),
                (Some(state), Some("none"), None)
            );
        }
    }
    let mut failed = entry("settled");
    failed["status"] = json!("Failure");
    assert_eq!(next(failed, None, T0)["maySubmitAgain"], true);
    assert_eq!(
        next(entry("settled"), None, T0)["maySubmitAgain"],
        false,
        "a settled entry without status is never resent on a guess"
    );
}

#[test]
fn observations_that_cannot_happen_are_refused_with_their_codes() {
    let refused = |entry: Value, observed: Value| {
        call(json!({ "entry": entry, "observed": observed, "now": T0 })).unwrap_err()
    };
    let code = |c: &str, p: &str| (c.to_string(), p.to_string());
    assert_eq!(
        refused(entry("sent"), json!({ "sendAnswered": {} })),
        code("OBSERVATION_NOT_APPLICABLE", "/observed/sendAnswered")
    );
    assert_eq!(
        refused(entry("unknown"), json!({ "sendFailed": {} })),
        code("OBSERVATION_NOT_APPLICABLE", "/observed/sendFailed")
    );
    assert_eq!(
        refused(
            entry("pending"),
            json!({ "transactionStatus": { "status": "Success" } })
        ),
        code("OBSERVATION_NOT_APPLICABLE", "/observed/transactionStatus")
    );
    assert_eq!(
        refused(entry("sent"), json!({ "purchaseOrderStates": {} })),
        code(
            "OBSERVATION_NOT_APPLICABLE",
            "/observed/purchaseOrderStates"
        )
    );
    let mut asn = entry("pending");
    asn["operation"] = json!("submitShipmentConfirmations");
    assert_eq!(
        refused(asn, json!({ "purchaseOrderStates": { "PO1": "New" } })),
        code(
            "OBSERVATION_NOT_APPLICABLE",
            "/observed/purchaseOrderStates"
        )
    );
    let mut no_id = entry("sent");
    no_id.as_object_mut().unwrap().remove("transactionId");
    assert_eq!(
        refused(no_id, json!({ "transactionStatus": {} })),
        code("MISSING_TRANSACTION_ID", "/entry/transactionId")
    );
    assert_eq!(
        refused(
            entry("sent"),
            json!({ "transactionStatus": { "transactionId": "T-2", "status": "Success" } })
        ),
        code(
            "TRANSACTION_MISMATCH",
            "/observed/transactionStatus/transactionId"
        )
    );
    assert_eq!(
        refused(
            entry("sent"),
            json!({ "transactionStatus": { "status": "Done" } })
        ),
        code("UNKNOWN_ENUM", "/observed/transactionStatus/status")
    );
    assert_eq!(
        refused(entry("lost"), json!({})),
        code("UNKNOWN_ENUM", "/entry/state")
    );
    assert_eq!(
        call(json!({ "entry": entry("pending"), "now": "yesterday" })).unwrap_err(),
        code("INVALID_DATE", "/now")
    );
}

// ------------------------------------------------------------------------------------------
// Properties: a host that follows the outputs over random histories.
// ------------------------------------------------------------------------------------------

fn observation() -> impl Strategy<Value = Option<Value>> {
    let po_state = prop_oneof![
        Just(json!("New")),
        Just(json!("Acknowledged")),
        Just(json!("Closed")),
        Just(Value::Null)
    ];
    prop_oneof![
        Just(None),
        prop_oneof![Just(json!({})), Just(json!({ "transactionId": "T-1" }))].prop_map(|a| Some(json!({ "sendAnswered": a }))),
        (proptest::option::of(prop_oneof![Just(400u16), Just(408), Just(429), Just(500), Just(503)]), any::<bool>(), any::<bool>())
            .prop_map(|(status, not_sent, unknown)| Some(json!({ "sendFailed": { "status": status, "notSent": not_sent, "deliveryUnknown": unknown } }))),
        proptest::option::of(prop_oneof![Just("Success"), Just("Failure"), Just("Processing")])
            .prop_map(|s| Some(json!({ "transactionStatus": match s { Some(s) => json!({ "status": s }), None => json!({}) } }))),
        Just(Some(json!({ "transactionNotFound": {} }))),
        (po_state.clone(), po_state).prop_map(|(a, b)| Some(json!({ "purchaseOrderStates": { "PO1": a, "PO2": b } }))),
        prop_oneof![Just("received"), Just("notReceived"), Just("unknown")].prop_map(|h| Some(json!({ "atAmazon": h }))),
    ]
}

/// What a host does with an output: journal the event onto its entry.
fn apply(entry: &mut Value, out: &NextOutboxActionOutput, now: &str) {
    let Some(event) = &out.event else { return };
    let event = serde_json::to_value(event).expect("serialises");
    entry["state"] = event["type"].clone();
    if let Some(id) = event.get("transactionId") {
        entry["transactionId"] = id.clone();
        entry["sentAt"] = json!(now);
    }
    if let Some(status) = event.get("status") {
        entry["status"] = status.clone();
    }
}

fn instant(minutes: i64) -> String {
    let t0 = chrono::DateTime::parse_from_rfc3339(T0)
        .expect("T0")
        .with_timezone(&chrono::Utc);
    (t0 + chrono::TimeDelta::seconds(minutes))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

fn run(entry: &Value, observed: &Option<Value>, now: &str) -> Option<NextOutboxActionOutput> {
    let mut input = json!({ "entry": entry, "now": now });
    if let Some(o) = observed {
        input["observed"] = o.clone();
    }
    let parsed: NextOutboxActionInput = parse_input(&input.to_string()).expect("valid input");
    match next_outbox_action(parsed) {
        Ok(out) => Some(out),
        Err(e) => {
            // Only observations that cannot happen in the state are refused.
            assert!(matches!(e.code(), "OBSERVATION_NOT_APPLICABLE"), "{e:?}");
            None
        }
    }
}

const DEFINITE_FAILURE_EVIDENCE: &[&str] = &[
    "sendFailed",
    "transactionStatus",
    "transactionNotFound",
    "purchaseOrderStates",
    "atAmazon",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// A host sends once per entry (right after its intent) and opens a new entry for the same
    /// work only when the output says `maySubmitAgain`: never two sends without a definite
    /// failure of the first, whatever Amazon answers and whenever.
    #[test]
    fn never_two_sends_without_a_definite_failure(
        steps in prop::collection::vec((observation(), 0i64..1_200, any::<bool>()), 1..40)
    ) {
        let mut current = entry("pending");
        let mut sends = 1;
        let mut elapsed = 0;
        let mut definite_failures = 0;
        for (observed, seconds, resubmit) in steps {
            elapsed += seconds;
            let now = instant(elapsed);
            let before: OutboxState = serde_json::from_value(current["state"].clone()).expect("state");
            let Some(out) = run(&current, &observed, &now) else { continue };
            // Determinism: the same input gives the same output.
            prop_assert_eq!(Some(out.clone()), run(&current, &observed, &now));
            // The output's state is the event's, or the entry's when there is none.
            match &out.event {
                Some(e) => prop_assert_eq!(serde_json::to_value(e.event_type).unwrap(), serde_json::to_value(out.state).unwrap()),
                None => prop_assert_eq!(out.state, before),
            }
            // Terminal states stay terminal.
            if before.is_terminal() {
                prop_assert!(out.event.is_none() && out.state == before);
            }
            prop_assert_eq!(out.in_doubt, !out.state.is_terminal());
            prop_assert!(!(out.in_doubt && out.may_submit_again));
            // Leaving doubt for good takes evidence: an observation, never the clock alone.
            if out.may_submit_again && !before.is_terminal() {
                let key = observed.as_ref().and_then(|o| o.as_object()).and_then(|o| o.keys().next().cloned()).unwrap_or_default();
                prop_assert!(DEFINITE_FAILURE_EVIDENCE.contains(&key.as_str()), "released by {key:?}");
                definite_failures += 1;
            }
            apply(&mut current, &out, &now);
            if out.may_submit_again && resubmit {
                current = entry("pending");
                current["createdAt"] = json!(now);
                sends += 1;
            }
        }
        prop_assert!(sends <= definite_failures + 1, "{sends} sends with {definite_failures} definite failures");
    }

    /// Time only moves an entry forward: an observation that releases or settles an entry at
    /// some instant does so at every later instant too.
    #[test]
    fn later_is_never_less_decided(observed in observation(), state in prop_oneof![Just("pending"), Just("unknown"), Just("sent")], a in 0i64..7_200, b in 0i64..7_200) {
        let (early, late) = (a.min(b), a.max(b));
        let e = entry(state);
        if let (Some(x), Some(y)) = (run(&e, &observed, &instant(early)), run(&e, &observed, &instant(late))) {
            if x.state.is_terminal() {
                prop_assert_eq!(x.state, y.state);
            }
        }
    }
}

#[test]
fn every_state_is_reachable_from_an_intent() {
    let paths: &[&[(Value, i64)]] = &[
        &[(json!({ "sendAnswered": { "transactionId": "T-1" } }), 1)],
        &[(json!({ "sendFailed": { "status": 503 } }), 1)],
        &[(json!({ "sendFailed": { "notSent": true } }), 1)],
        &[
            (json!({ "sendAnswered": { "transactionId": "T-1" } }), 1),
            (json!({ "transactionStatus": { "status": "Success" } }), 60),
        ],
        &[
            (json!({ "sendFailed": { "status": 500 } }), 1),
            (
                json!({ "purchaseOrderStates": { "PO1": "New", "PO2": "New" } }),
                3_600,
            ),
        ],
    ];
    let mut reached = BTreeSet::from([OutboxState::Pending]);
    for path in paths {
        let mut current = entry("pending");
        let mut elapsed = 0;
        for (observed, seconds) in *path {
            elapsed += seconds;
            let now = instant(elapsed);
            let out = run(&current, &Some(observed.clone()), &now).expect("applicable");
            apply(&mut current, &out, &now);
            reached.insert(out.state);
        }
    }
    assert_eq!(reached, OutboxState::ALL.into_iter().collect());
}
