//! Every JSON entry point of the core, run natively the way its wasm export runs it: the size
//! limit, parsing into the engine's input type, the count limits, the engine, the output as JSON.
//!
//! Shared by the property test (`tests/no_panic_properties.rs`) and the fuzz targets
//! (`tests/fuzz/`), which include this file by path; it is deliberately not part of
//! `tests/common/mod.rs`, so the other test binaries do not compile it.

use serde::Deserialize;
use serde::Serialize;
use serde_json::Value;
use vendor_central_connector::error::{CodedError, InputError};
use vendor_central_connector::input::parse_input;
use vendor_central_connector::limits::{CountLimits, CountedInput};
use vendor_central_connector::{
    ack, chargebacks, df, df_ack, exceptions_report, fba, gs1, inventory_feed, invoice, outbox,
    reconcile, sales_order, scorecard, shipment,
};

/// The exported function names (as JS sees them) of every engine taking a JSON object.
pub const ENTRY_POINTS: &[&str] = &[
    "decideAcknowledgements",
    "approveAcknowledgement",
    "checkAcknowledgementStatus",
    "decideDirectFulfillmentAcknowledgements",
    "toDirectFulfillmentSalesOrders",
    "buildDirectFulfillmentShipmentConfirmations",
    "buildDirectFulfillmentInvoices",
    "toSalesOrders",
    "diffPurchaseOrder",
    "inventoryFeed",
    "exceptionsReport",
    "readExceptionsReport",
    "chargebackExposure",
    "vendorScorecard",
    "routeFulfillment",
    "applyFulfillmentEvent",
    "buildShipmentConfirmation",
    "validateShipmentConfirmation",
    "generateSscc",
    "buildInvoice",
    "reconcile",
    "nextOutboxAction",
];

/// What a host would see on the thrown `ConnectorError`.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub code: &'static str,
    pub path: String,
    pub details: Value,
}

fn failure(error: &dyn CodedError) -> Failure {
    Failure {
        code: error.code(),
        path: error.path(),
        details: error.details(),
    }
}

/// Runs the entry point `name` on `text`: `Ok(output JSON)` or the coded error. Panics only on
/// an unknown `name` (a bug of the caller, not of the input).
pub fn run(name: &str, text: &str) -> Result<String, Failure> {
    run_with_limits(name, text, &CountLimits::default())
}

/// [`run`] with chosen count limits.
pub fn run_with_limits(name: &str, text: &str, limits: &CountLimits) -> Result<String, Failure> {
    match name {
        "decideAcknowledgements" => engine(text, limits, ack::decide_acknowledgements),
        "approveAcknowledgement" => engine(text, limits, ack::approve_acknowledgement),
        "checkAcknowledgementStatus" => engine(text, limits, ack::check_acknowledgement_status),
        "decideDirectFulfillmentAcknowledgements" => {
            engine(text, limits, df_ack::decide_df_acknowledgements)
        }
        "toDirectFulfillmentSalesOrders" => engine(text, limits, df::to_df_sales_orders),
        "buildDirectFulfillmentShipmentConfirmations" => {
            engine(text, limits, df::build_df_shipments)
        }
        "buildDirectFulfillmentInvoices" => engine(text, limits, df::build_df_invoices),
        "toSalesOrders" => engine(text, limits, sales_order::to_sales_orders),
        "diffPurchaseOrder" => engine(text, limits, sales_order::diff_purchase_order),
        "inventoryFeed" => engine(text, limits, inventory_feed::inventory_feed),
        "exceptionsReport" => engine(text, limits, exceptions_report::exceptions_report),
        "readExceptionsReport" => engine(text, limits, exceptions_report::read_exceptions_report),
        "chargebackExposure" => engine(text, limits, chargebacks::chargeback_exposure),
        "vendorScorecard" => engine(text, limits, scorecard::vendor_scorecard),
        "routeFulfillment" => engine(text, limits, fba::route_fulfillment),
        "applyFulfillmentEvent" => engine(text, limits, fba::apply_fulfillment_event),
        "buildShipmentConfirmation" => engine(text, limits, shipment::build_shipment_confirmation),
        "validateShipmentConfirmation" => {
            engine(text, limits, shipment::validate_shipment_confirmation)
        }
        "generateSscc" => generate_sscc(text),
        "buildInvoice" => engine(text, limits, invoice::build_invoice),
        "nextOutboxAction" => engine(text, limits, outbox::next_outbox_action),
        "reconcile" => {
            let input = reconcile::parse_reconcile_input(text)
                .map_err(|e| failure(&reconcile::ReconcileError::from(e)))?;
            limits
                .check(&input)
                .map_err(|e| failure(&reconcile::ReconcileError::from(e)))?;
            let output = reconcile::reconcile(input).map_err(|e| failure(&e))?;
            Ok(serde_json::to_string(&output).expect("outputs serialise"))
        }
        other => panic!("no entry point named {other}"),
    }
}

fn engine<'t, I, O, E>(
    text: &'t str,
    limits: &CountLimits,
    run: impl FnOnce(I) -> Result<O, E>,
) -> Result<String, Failure>
where
    I: Deserialize<'t> + CountedInput,
    O: Serialize,
    E: CodedError + From<InputError>,
{
    let input: I = parse_input(text).map_err(|e| failure(&E::from(e)))?;
    limits.check(&input).map_err(|e| failure(&E::from(e)))?;
    let output = run(input).map_err(|e| failure(&e))?;
    Ok(serde_json::to_string(&output).expect("outputs serialise"))
}

/// `generateSscc` lives in the wasm boundary (its input type is wasm-only); natively the same
/// fields reach the same GS1 function.
fn generate_sscc(text: &str) -> Result<String, Failure> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct GenerateSsccInput {
        company_prefix: String,
        #[serde(default)]
        extension_digit: u8,
        serial_reference: u64,
    }
    let input: GenerateSsccInput = parse_input(text).map_err(|e| failure(&e))?;
    let sscc = gs1::generate_sscc(
        input.extension_digit,
        &input.company_prefix,
        input.serial_reference,
    )
    .map_err(|e| Failure {
        code: "INVALID_VALUE",
        path: match &e {
            gs1::Gs1Error::InvalidGeneratorInput { field, .. } => format!("/{field}"),
            _ => String::new(),
        },
        details: Value::Null,
    })?;
    Ok(serde_json::to_string(&sscc).expect("strings serialise"))
}

/// Whether `path` is a JSON pointer (RFC 6901) that `text` can hold: empty, or `/`-separated
/// tokens whose `~` escapes are `~0`/`~1`; and, when `text` is JSON at all, whose parent exists
/// in it (the last token may name a missing field, as `MISSING_FIELD` does). Text that is not
/// JSON can still get a path: the typed parse reports the first error it meets, which may come
/// before the syntax error further on.
pub fn is_valid_pointer_into(path: &str, text: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    if !path.starts_with('/') {
        return false;
    }
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.peek(), Some('0' | '1')) {
            return false;
        }
    }
    // With a key given twice, the typed parse stops in the first copy while a `Value` keeps
    // the last: the pointer is right about a copy this check cannot see.
    if serde_json::from_str::<HasDuplicateKeys>(text).is_ok_and(|d| d.0) {
        return true;
    }
    let Ok(input) = serde_json::from_str::<Value>(text) else {
        return true;
    };
    let parent = &path[..path.rfind('/').expect("starts with /")];
    input.pointer(parent).is_some()
}

/// Whether some JSON object in the text names a key twice.
struct HasDuplicateKeys(bool);

impl<'de> serde::Deserialize<'de> for HasDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DuplicateKeysVisitor)
    }
}

struct DuplicateKeysVisitor;

impl<'de> serde::de::Visitor<'de> for DuplicateKeysVisitor {
    type Value = HasDuplicateKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(HasDuplicateKeys(false))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(HasDuplicateKeys(false))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(HasDuplicateKeys(false))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(HasDuplicateKeys(false))
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(HasDuplicateKeys(false))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(HasDuplicateKeys(false))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut duplicate = false;
        while let Some(HasDuplicateKeys(inner)) = seq.next_element()? {
            duplicate |= inner;
        }
        Ok(HasDuplicateKeys(duplicate))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut keys = std::collections::HashSet::new();
        let mut duplicate = false;
        while let Some(key) = map.next_key::<String>()? {
            duplicate |= !keys.insert(key);
            let HasDuplicateKeys(inner) = map.next_value()?;
            duplicate |= inner;
        }
        Ok(HasDuplicateKeys(duplicate))
    }
}
