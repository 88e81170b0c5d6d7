//! The chargeback types and the default rate table. Every figure here is a third party's
//! published reading of Amazon's Vendor Central help (which is not public) and changes over
//! time: the input's `rates` replace any entry, and the output echoes the table it applied.

use serde::{Deserialize, Serialize};

use crate::money::Decimal;

wire_enum! {
    /// The chargebacks Amazon raises on vendors, as its operational performance reports name
    /// them.
    ChargebackType {
        /// PO on-time accuracy, "not on time": confirmed units shipped or delivered outside the
        /// PO's window.
        NotOnTime = "notOnTime",
        /// PO on-time accuracy, "down-confirmed": confirmed units revised down (or never
        /// confirmed: an unacknowledged line counts as rejected).
        DownConfirmed = "downConfirmed",
        /// PO on-time accuracy, "not filled": confirmed units never delivered (auto-cancelled).
        NotFilled = "notFilled",
        /// Overage PO units: more received than confirmed.
        Overage = "overage",
        /// ASN accuracy: the ASN does not match what arrived (or is missing).
        AsnAccuracy = "asnAccuracy",
        /// ASN on-time: sent after the goods left (or too close to the appointment).
        AsnLate = "asnLate",
        /// Carton content label missing, or its SSCC unreadable, invalid or not on the ASN.
        CartonLabel = "cartonLabel",
        /// Unit of measure: cases and eaches confused between PO, ASN and the goods.
        UnitOfMeasure = "unitOfMeasure",
        /// Prep and packaging (poly bags, overweight pallets, …).
        Prep = "prep",
    }
}

/// The chargeback type a remittance deduction's description names, e.g. "PO On-Time Accuracy -
/// Not on time" → `notOnTime`, "ASN accuracy" → `asnAccuracy`, "No carton content label" →
/// `cartonLabel`. Vendor Central's wording is not specified by any model: keywords, first match
/// wins (labels, ASN timeliness, ASN, overage, down-confirmed, not filled, on time, unit of
/// measure, prep); `None` when none matches.
///
/// ```
/// use vendor_central_connector::chargebacks::{ChargebackType, chargeback_type_of};
/// assert_eq!(chargeback_type_of("PO On-Time Accuracy - Down Confirmed"), Some(ChargebackType::DownConfirmed));
/// assert_eq!(chargeback_type_of("Late ASN"), Some(ChargebackType::AsnLate));
/// assert_eq!(chargeback_type_of("Co-op"), None);
/// ```
pub fn chargeback_type_of(description: &str) -> Option<ChargebackType> {
    const KEYWORDS: &[(&[&str], ChargebackType)] = &[
        (
            &["carton content label", "carton label", "sscc", "label"],
            ChargebackType::CartonLabel,
        ),
        (
            &["late asn", "asn on-time", "asn on time", "asn timeliness"],
            ChargebackType::AsnLate,
        ),
        (&["asn", "advance ship"], ChargebackType::AsnAccuracy),
        (&["overage"], ChargebackType::Overage),
        (
            &["down-confirm", "down confirm"],
            ChargebackType::DownConfirmed,
        ),
        (
            &["not filled", "unfilled", "fill rate"],
            ChargebackType::NotFilled,
        ),
        (
            &["not on time", "on-time", "on time"],
            ChargebackType::NotOnTime,
        ),
        (&["unit of measure", "uom"], ChargebackType::UnitOfMeasure),
        (&["prep", "poly bag", "packaging"], ChargebackType::Prep),
    ];
    let text = description.to_lowercase();
    KEYWORDS
        .iter()
        .find(|(words, _)| words.iter().any(|w| text.contains(w)))
        .map(|(_, t)| *t)
}

/// How one chargeback type is priced: a percentage of the cost of the goods concerned
/// (`percentOfCost`), or a fee per occurrence (`fee` in `currencyCode`, e.g. per carton).
/// A rate with neither prices nothing: the chargeback is listed with its amount unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rate {
    /// Percent of the cost of the units concerned, e.g. `"3"` for 3 %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_of_cost: Option<Decimal>,
    /// A fixed amount per occurrence (per carton for carton labels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<Decimal>,
    /// The currency of `fee`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Days from the event (its deadline, else `now`) to the deduction in a remittance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing_days: Option<u32>,
    /// Where the figure comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Days from an event to its deduction when a rate does not say. An estimate: Amazon assesses
/// PO chargebacks per Sunday–Saturday week and deducts them from a later remittance; set it to
/// what your remittances show.
pub const DEFAULT_LANDING_DAYS: u32 = 14;

const PO_ON_TIME: &str = "amazowl.com, Vendor Central: Contesting Chargebacks, \"PO on-time \
    accuracy\" (not on time and down-confirmed 3 % of cost, not filled 10 %; waived in a week \
    whose trailing 4-week on-time rate is above 90 %)";
const ASN: &str = "supplierwiki.supplypike.com, \"How Amazon's ASN chargebacks are calculated\" \
    (2 % / 4 % / 6 % of product cost by compliance rate above 95 % / 70-95 % / below 70 %; the \
    lowest tier here)";

/// The built-in rate of a type (see the module README for the sources).
pub fn default_rate(chargeback_type: ChargebackType) -> Rate {
    let percent = |units: i64| Rate {
        percent_of_cost: Some(Decimal(rust_decimal::Decimal::new(units, 0))),
        fee: None,
        currency_code: None,
        landing_days: Some(DEFAULT_LANDING_DAYS),
        source: None,
    };
    let with_source = |rate: Rate, source: &str| Rate {
        source: Some(source.to_string()),
        ..rate
    };
    match chargeback_type {
        ChargebackType::NotOnTime | ChargebackType::DownConfirmed => {
            with_source(percent(3), PO_ON_TIME)
        }
        ChargebackType::NotFilled => with_source(percent(10), PO_ON_TIME),
        ChargebackType::Overage => with_source(
            percent(10),
            "zanoma.com, \"Amazon Updates: Changes to Chargebacks\" (overage PO units, tier 1 \
             up to 40 % overage: 10 % of cost; 50 % and 80 % above)",
        ),
        ChargebackType::AsnAccuracy | ChargebackType::AsnLate => with_source(percent(2), ASN),
        ChargebackType::UnitOfMeasure => with_source(
            percent(2),
            "assumed an ASN accuracy defect (\"ASN structure mismatch\", \"label does not match \
             ASN\"): supplierwiki.supplypike.com, 2 % of product cost",
        ),
        ChargebackType::CartonLabel => Rate {
            percent_of_cost: None,
            fee: Some(Decimal(rust_decimal::Decimal::new(5, 0))),
            currency_code: Some("USD".to_string()),
            landing_days: Some(DEFAULT_LANDING_DAYS),
            source: Some(
                "amazowl.com, \"No carton content labels\" chargeback: USD 5 per carton or \
                 package (15 at a low compliance rate)"
                    .to_string(),
            ),
        },
        ChargebackType::Prep => Rate {
            percent_of_cost: None,
            fee: None,
            currency_code: None,
            landing_days: Some(DEFAULT_LANDING_DAYS),
            source: Some(
                "no published figure found: configure `rates.prep` (listed with the amount \
                 unknown until then)"
                    .to_string(),
            ),
        },
    }
}
