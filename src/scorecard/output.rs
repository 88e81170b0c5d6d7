//! What `vendorScorecard` returns.

use serde::Serialize;

use crate::money::Decimal;

wire_enum! {
    /// The figures of Amazon's vendor scorecards the documents allow.
    Figure {
        /// Accepted ÷ ordered units.
        FillRate = "fillRate",
        /// Lines acknowledged ÷ lines ordered.
        ConfirmationRate = "confirmationRate",
        /// POs acknowledged within the deadline ÷ POs acknowledged.
        ConfirmationTimeliness = "confirmationTimeliness",
        /// POs whose every ASN left by the window's end ÷ POs shipped.
        OnTimeShipment = "onTimeShipment",
        /// Lines received exactly as the ASNs said ÷ lines received.
        AsnAccuracy = "asnAccuracy",
        /// (ASN, PO) pairs confirmed within the deadline after departure ÷ pairs.
        AsnTimeliness = "asnTimeliness",
        /// Rejected ÷ ordered units.
        RejectedUnits = "rejectedUnits",
    }
}

/// The output of `vendorScorecard`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct VendorScorecardOutput {
    /// The POs scored (purchase order date in the period).
    pub purchase_orders: u64,
    /// One entry per scorecard figure.
    pub figures: Vec<ScorecardFigure>,
}

/// One figure: Σ numerators ÷ Σ denominators of its contributions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ScorecardFigure {
    /// Which figure.
    pub figure: Figure,
    /// Σ of the contributions' numerators.
    pub numerator: u64,
    /// Σ of the contributions' denominators.
    pub denominator: u64,
    /// numerator ÷ denominator to 4 decimals (half away from zero); absent when nothing was
    /// measured (no denominator is not 0 %).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    /// Per PO (and ASN), the parts of the numerator and denominator.
    pub contributions: Vec<Contribution>,
    /// Per week (Sunday to Saturday of the PO date; of the departure for ASN timeliness).
    pub weeks: Vec<WeekFigure>,
}

/// The part of one PO (or one ASN of a PO) in a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    /// The PO.
    pub purchase_order_number: String,
    /// The ASN, for ASN figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipment_identifier: Option<String>,
    /// The Sunday (`YYYY-MM-DD`) starting the week it counts in.
    pub week_start: String,
    /// Its part of the numerator.
    pub numerator: u64,
    /// Its part of the denominator.
    pub denominator: u64,
}

/// A figure over one week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WeekFigure {
    /// The Sunday (`YYYY-MM-DD`) starting the week.
    pub week_start: String,
    /// Σ of the week's numerators.
    pub numerator: u64,
    /// Σ of the week's denominators.
    pub denominator: u64,
    /// numerator ÷ denominator to 4 decimals; absent when the week measured nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
}
