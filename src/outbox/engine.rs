//! `nextOutboxAction`: the submission protocol's rules, one function. See the README.

use chrono::TimeDelta;

use super::error::OutboxError;
use super::types::{
    AmazonHolds, NextOutboxActionInput, NextOutboxActionOutput, Observation, OutboxAction,
    OutboxEntry, OutboxEvent, OutboxEventType, OutboxRules, OutboxState, ResolvedBy, SendFailure,
    SettledStatus, TransactionObserved,
};
use crate::spapi::orders::PurchaseOrderState;
use crate::spapi::transactions::TransactionState;
use crate::time::{Instant, saturating_add};

/// Amazon's RP guide: a retail transaction still Processing after 15 minutes has succeeded.
pub const DEFAULT_SETTLE_GRACE_SECONDS: u32 = 15 * 60;

/// An entry in doubt this long with nothing conclusive learnt goes to a person.
pub const DEFAULT_ASK_PERSON_AFTER_SECONDS: u32 = 60 * 60;

/// The operation whose receipt Amazon shows in each PO's `purchaseOrderState`.
const ACKNOWLEDGEMENT: &str = "submitAcknowledgement";

/// The entry's next state, the event to journal and what the host does next. Pure: the same
/// input gives the same output; `now` is the caller's.
pub fn next_outbox_action(
    input: NextOutboxActionInput,
) -> Result<NextOutboxActionOutput, OutboxError> {
    let NextOutboxActionInput {
        entry,
        observed,
        now,
        rules,
    } = input;
    if entry.state == OutboxState::Sent && transaction_id(&entry).is_none() {
        return Err(OutboxError::MissingTransactionId {
            path: "/entry/transactionId".to_string(),
        });
    }
    // Terminal states stay terminal: a late answer changes nothing.
    if entry.state.is_terminal() {
        return Ok(terminal(&entry));
    }
    let clock = Clock::new(&entry, now, rules);
    let Some(observed) = observed else {
        return Ok(match entry.state {
            OutboxState::Sent => doubt(
                OutboxState::Sent,
                OutboxAction::Confirm,
                "Amazon holds it under its transaction id: ask getTransaction for the outcome.",
            ),
            _ => doubt(
                entry.state,
                OutboxAction::Resolve,
                "Amazon may hold it: ask for the state of what it concerns before anything about it is sent again.",
            ),
        });
    };
    match (entry.state, &observed) {
        (OutboxState::Pending, Observation::SendAnswered(answer)) => Ok(
            match answer.transaction_id.as_deref().filter(|t| !t.is_empty()) {
                Some(id) => NextOutboxActionOutput {
                    event: Some(OutboxEvent {
                        transaction_id: Some(id.to_string()),
                        ..event(OutboxEventType::Sent)
                    }),
                    ..doubt(
                        OutboxState::Sent,
                        OutboxAction::Confirm,
                        "Amazon took it: confirm its transaction with getTransaction.",
                    )
                },
                None => unknown(
                    "Amazon answered without a transaction id: whether it holds the submission is unknown.",
                ),
            },
        ),
        (OutboxState::Pending, Observation::SendFailed(failure)) => Ok(send_failed(failure)),
        (OutboxState::Pending | OutboxState::Unknown, Observation::PurchaseOrderStates(states)) => {
            if entry.operation != ACKNOWLEDGEMENT {
                return Err(not_applicable(&observed, entry.state));
            }
            Ok(verdict(
                &clock,
                entry.state,
                purchase_order_verdict(&entry.keys, states),
            ))
        }
        (OutboxState::Pending | OutboxState::Unknown, Observation::AtAmazon(holds)) => {
            Ok(verdict(&clock, entry.state, *holds))
        }
        (OutboxState::Sent, Observation::TransactionStatus(observed)) => {
            transaction_status(&entry, &clock, observed)
        }
        (OutboxState::Sent, Observation::TransactionNotFound(_)) => {
            Ok(if clock.sent_past_grace() {
                released(
                    ResolvedBy::TransactionNotFound,
                    "Amazon does not know the transaction id after the grace period: it never took the submission.",
                )
            } else {
                wait(
                    OutboxState::Sent,
                    Some(clock.sent_grace_end()),
                    "Amazon does not know the transaction id yet: ask again once the grace period has passed.",
                )
            })
        }
        (state, observed) => Err(not_applicable(observed, state)),
    }
}

/// The times the rules compare `now` with.
struct Clock {
    now: Instant,
    created_grace_end: Instant,
    created_ask_end: Instant,
    sent_grace_end: Instant,
    sent_ask_end: Instant,
}

impl Clock {
    fn new(entry: &OutboxEntry, now: Instant, rules: OutboxRules) -> Self {
        let grace = TimeDelta::seconds(i64::from(rules.settle_grace_seconds));
        let ask = TimeDelta::seconds(i64::from(rules.ask_person_after_seconds));
        let sent = entry.sent_at.unwrap_or(entry.created_at);
        Clock {
            now,
            created_grace_end: Instant(saturating_add(entry.created_at.0, grace)),
            created_ask_end: Instant(saturating_add(entry.created_at.0, ask)),
            sent_grace_end: Instant(saturating_add(sent.0, grace)),
            sent_ask_end: Instant(saturating_add(sent.0, ask)),
        }
    }

    fn created_past_grace(&self) -> bool {
        self.now >= self.created_grace_end
    }

    fn sent_past_grace(&self) -> bool {
        self.now >= self.sent_grace_end
    }

    fn sent_grace_end(&self) -> Instant {
        self.sent_grace_end
    }
}

fn transaction_id(entry: &OutboxEntry) -> Option<&str> {
    entry.transaction_id.as_deref().filter(|t| !t.is_empty())
}

fn not_applicable(observed: &Observation, state: OutboxState) -> OutboxError {
    let observation = observed.name();
    OutboxError::ObservationNotApplicable {
        path: ["/observed/", observation].concat(),
        observation,
        state: state.as_str(),
    }
}

/// The rules for a failed POST: only proof that nothing reached Amazon closes the entry.
fn send_failed(failure: &SendFailure) -> NextOutboxActionOutput {
    if failure.not_sent {
        return rejected(
            "The request never left (the token exchange failed or the connection was refused): nothing of it is at Amazon.",
        );
    }
    if failure.status == Some(429) {
        return rejected(
            "Amazon throttled the request (429) without processing it: it may be decided and sent again.",
        );
    }
    if failure.delivery_unknown {
        return unknown(
            "The POST failed after it may have reached Amazon: resolve it before anything about it is sent again.",
        );
    }
    match failure.status {
        Some(status) if (300..500).contains(&status) && status != 408 => rejected(
            "Amazon refused or redirected the request: nothing of it is at Amazon; correct what its errors name.",
        ),
        _ => unknown(
            "The POST failed after it may have reached Amazon: resolve it before anything about it is sent again.",
        ),
    }
}

/// Acknowledged or Closed for every PO: received; New for any (and no PO unknown): not
/// received; a PO Amazon did not return, or no PO at all: unknown (missing data is not proof).
fn purchase_order_verdict(
    keys: &[String],
    states: &std::collections::BTreeMap<String, Option<PurchaseOrderState>>,
) -> AmazonHolds {
    if keys.is_empty() {
        return AmazonHolds::Unknown;
    }
    let mut all_received = true;
    for key in keys {
        match states.get(key).copied().flatten() {
            None => return AmazonHolds::Unknown,
            Some(PurchaseOrderState::New) => all_received = false,
            Some(PurchaseOrderState::Acknowledged | PurchaseOrderState::Closed) => {}
        }
    }
    if all_received {
        AmazonHolds::Received
    } else {
        AmazonHolds::NotReceived
    }
}

fn verdict(clock: &Clock, state: OutboxState, holds: AmazonHolds) -> NextOutboxActionOutput {
    match holds {
        AmazonHolds::Received => settled(
            SettledStatus::Success,
            ResolvedBy::StateAtAmazon,
            false,
            "Amazon shows the submission processed.",
        ),
        AmazonHolds::NotReceived if clock.created_past_grace() => released(
            ResolvedBy::StateAtAmazon,
            "Amazon shows nothing of it after the grace period: it never arrived; its work may be decided and sent again.",
        ),
        AmazonHolds::NotReceived => wait(
            state,
            Some(clock.created_grace_end),
            "Amazon shows nothing of it yet, but may still be processing it: ask again once the grace period has passed.",
        ),
        AmazonHolds::Unknown => inconclusive(clock.now >= clock.created_ask_end, state),
    }
}

fn transaction_status(
    entry: &OutboxEntry,
    clock: &Clock,
    observed: &TransactionObserved,
) -> Result<NextOutboxActionOutput, OutboxError> {
    let expected = transaction_id(entry).unwrap_or_default();
    if let Some(found) = observed.transaction_id.as_deref() {
        if found != expected {
            return Err(OutboxError::TransactionMismatch {
                path: "/observed/transactionStatus/transactionId".to_string(),
                expected: expected.to_string(),
                found: found.to_string(),
            });
        }
    }
    Ok(match observed.status {
        Some(TransactionState::Success) => settled(
            SettledStatus::Success,
            ResolvedBy::GetTransaction,
            false,
            "Amazon processed the transaction.",
        ),
        Some(TransactionState::Failure) => settled(
            SettledStatus::Failure,
            ResolvedBy::GetTransaction,
            false,
            "The transaction failed at Amazon: nothing of it was accepted; correct what its errors name and submit again.",
        ),
        Some(TransactionState::Processing) if clock.sent_past_grace() => settled(
            SettledStatus::Success,
            ResolvedBy::ProcessingFor15Minutes,
            true,
            "Still Processing after the grace period, which Amazon's guide says to treat as Success.",
        ),
        Some(TransactionState::Processing) => wait(
            OutboxState::Sent,
            Some(clock.sent_grace_end),
            "Amazon is processing the transaction: confirm again, at the latest once the grace period has passed.",
        ),
        None => inconclusive(clock.now >= clock.sent_ask_end, OutboxState::Sent),
    })
}

fn event(event_type: OutboxEventType) -> OutboxEvent {
    OutboxEvent {
        event_type,
        transaction_id: None,
        status: None,
        assumed_success: false,
        resolved_by: None,
    }
}

/// An entry that stays in doubt (no event).
fn doubt(state: OutboxState, action: OutboxAction, reason: &'static str) -> NextOutboxActionOutput {
    NextOutboxActionOutput {
        state,
        action,
        retry_at: None,
        in_doubt: true,
        may_submit_again: false,
        event: None,
        reason,
    }
}

fn wait(
    state: OutboxState,
    retry_at: Option<Instant>,
    reason: &'static str,
) -> NextOutboxActionOutput {
    NextOutboxActionOutput {
        retry_at,
        ..doubt(state, OutboxAction::Wait, reason)
    }
}

/// Nothing conclusive learnt: wait for the next run, or hand it to a person once it is old.
fn inconclusive(old: bool, state: OutboxState) -> NextOutboxActionOutput {
    if old {
        doubt(
            state,
            OutboxAction::AskPerson,
            "Still in doubt and Amazon's answers settle nothing: a person must check what Amazon holds before it is sent again.",
        )
    } else {
        wait(
            state,
            None,
            "Amazon's answer settles nothing yet: ask again on the next run.",
        )
    }
}

fn unknown(reason: &'static str) -> NextOutboxActionOutput {
    NextOutboxActionOutput {
        event: Some(event(OutboxEventType::Unknown)),
        ..doubt(OutboxState::Unknown, OutboxAction::Resolve, reason)
    }
}

fn closed(
    state: OutboxState,
    event: Option<OutboxEvent>,
    may_submit_again: bool,
    reason: &'static str,
) -> NextOutboxActionOutput {
    NextOutboxActionOutput {
        state,
        action: OutboxAction::None,
        retry_at: None,
        in_doubt: false,
        may_submit_again,
        event,
        reason,
    }
}

fn rejected(reason: &'static str) -> NextOutboxActionOutput {
    closed(
        OutboxState::Rejected,
        Some(event(OutboxEventType::Rejected)),
        true,
        reason,
    )
}

fn released(resolved_by: ResolvedBy, reason: &'static str) -> NextOutboxActionOutput {
    closed(
        OutboxState::Released,
        Some(OutboxEvent {
            resolved_by: Some(resolved_by),
            ..event(OutboxEventType::Released)
        }),
        true,
        reason,
    )
}

fn settled(
    status: SettledStatus,
    resolved_by: ResolvedBy,
    assumed_success: bool,
    reason: &'static str,
) -> NextOutboxActionOutput {
    closed(
        OutboxState::Settled,
        Some(OutboxEvent {
            status: Some(status),
            assumed_success,
            resolved_by: Some(resolved_by),
            ..event(OutboxEventType::Settled)
        }),
        status == SettledStatus::Failure,
        reason,
    )
}

/// A terminal entry: no event, no action. A settled entry without a status counts as Success
/// (never submitted again on a guess).
fn terminal(entry: &OutboxEntry) -> NextOutboxActionOutput {
    match entry.state {
        OutboxState::Settled if entry.status == Some(SettledStatus::Failure) => closed(
            OutboxState::Settled,
            None,
            true,
            "Settled: the transaction failed at Amazon; its work may be decided and sent again.",
        ),
        OutboxState::Settled => closed(
            OutboxState::Settled,
            None,
            false,
            "Settled: Amazon holds it.",
        ),
        OutboxState::Rejected => closed(
            OutboxState::Rejected,
            None,
            true,
            "Rejected: nothing of it is at Amazon; its work may be decided and sent again.",
        ),
        state => closed(
            state,
            None,
            true,
            "Released: it never arrived at Amazon; its work may be decided and sent again.",
        ),
    }
}
