//! What `buildShipmentConfirmation` reads: a warehouse's packing data as a flat list of pallets
//! and cartons, what each holds, and the transport facts.

use serde::Deserialize;

use crate::catalog::SkuMapping;
use crate::gs1::SsccSource;
use crate::shipment::options::ValidationOptions;
use crate::shipment::validator::SsccLedgerEntry;
use crate::spapi::orders::{Order, OrderAcknowledgement, UnitOfMeasure};
use crate::spapi::shipments::{
    ShipmentConfirmationType, ShipmentDimensions, ShipmentImportDetails,
    ShipmentPartyIdentification, ShipmentStructure, ShipmentType, ShipmentVolume, ShipmentWeight,
    TransportationMode,
};
use crate::time::Instant;

/// The input of `buildShipmentConfirmation`. Unknown fields are refused at every level of the
/// packing data, so a typo (`lotNumer`) is an error rather than a silently missing lot.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuildShipmentConfirmationInput<'a> {
    /// Unique per ASN for 365 days (a `Replace` repeats the original's).
    pub shipment_identifier: String,
    /// Default `Original`.
    #[serde(default)]
    pub shipment_confirmation_type: Option<ShipmentConfirmationType>,
    /// Which of the seven hierarchies to emit.
    pub shipment_structure: ShipmentStructure,
    /// `TruckLoad`, `LessThanTruckLoad` or `SmallParcel`.
    #[serde(default)]
    pub shipment_type: Option<ShipmentType>,
    /// `Road`, `Air` or `Ocean`.
    #[serde(default)]
    pub transportation_mode: Option<TransportationMode>,
    /// The vendor code (`partyId`), as on the POs.
    pub selling_party: ShipmentPartyIdentification,
    /// The warehouse the goods leave from.
    pub ship_from_party: ShipmentPartyIdentification,
    /// The fulfilment centre (the POs' `shipToParty`).
    pub ship_to_party: ShipmentPartyIdentification,
    /// Standard Carrier Alpha Code (2–4 letters).
    #[serde(default)]
    pub carrier_scac: Option<String>,
    /// The bill of lading number (truckload and LTL).
    #[serde(default)]
    pub bill_of_lading_number: Option<String>,
    /// The carrier's PRO number (`carrierShipmentReferenceNumber`).
    #[serde(default)]
    pub pro_number: Option<String>,
    /// Amazon's reference number (when Amazon collects).
    #[serde(default)]
    pub amazon_reference_number: Option<String>,
    /// ISO-8601; written in UTC. Kept as text so that a half-typed date is an issue, not an error.
    #[serde(default)]
    pub shipped_date: Option<String>,
    /// When the goods are expected at Amazon, ISO-8601.
    #[serde(default)]
    pub estimated_delivery_date: Option<String>,
    /// Default: `now`.
    #[serde(default)]
    pub shipment_confirmation_date: Option<String>,
    /// Default: the sum of the outermost containers' weights when all have one, in one unit.
    #[serde(default)]
    pub gross_shipment_weight: Option<ShipmentWeight>,
    /// The shipment's volume, passed through.
    #[serde(default)]
    pub shipment_volume: Option<ShipmentVolume>,
    /// Import details, passed through.
    #[serde(default)]
    pub import_details: Option<ShipmentImportDetails>,
    /// The pallets, each with its id (the cartons name it).
    #[serde(default)]
    pub pallets: Vec<PackedPallet>,
    /// The cartons, with their contents.
    #[serde(default)]
    pub cartons: Vec<PackedCarton>,
    /// ERP SKU ↔ ASIN / vendor SKU / case size, the same map as the acknowledgement engine's.
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// When given, items take the PO line's identifiers and unit of measure (Cases × unitSize).
    #[serde(default)]
    pub purchase_orders: Option<Vec<Order>>,
    /// Acknowledgements sent for these POs (Accepted + Backordered may ship).
    #[serde(default)]
    pub acknowledgements: Option<Vec<OrderAcknowledgement>>,
    /// ASNs already sent, as sent (see `validateShipmentConfirmation`).
    #[serde(default)]
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "ShipmentConfirmation[] | undefined")
    )]
    #[serde(borrow)]
    pub previous_shipments: Option<Vec<crate::json_tree::Json<'a>>>,
    /// SSCCs used before, for the reuse check.
    #[serde(default)]
    pub sscc_ledger: Option<Vec<SsccLedgerEntry>>,
    /// Generates SSCCs for containers without one (in input order: cartons, then pallets).
    #[serde(default)]
    pub sscc_source: Option<SsccSource>,
    /// Write SSCCs with the "00" application identifier (20 digits), as the model's description
    /// of `SSCC` says. Default `true`; `false` writes the bare 18 digits.
    #[serde(default = "default_true")]
    pub sscc_with_application_identifier: bool,
    /// The delivery appointment, for the ASN deadline.
    #[serde(default)]
    pub appointment_at: Option<Instant>,
    /// The time of the check (the core never reads the clock).
    pub now: Instant,
    /// Validation options (see the validator's options).
    #[serde(default)]
    pub options: ValidationOptions,
}

fn default_true() -> bool {
    true
}

/// One pallet of the packing list.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackedPallet {
    /// The packing list's own key for the pallet; cartons name it in `pallet`.
    pub id: String,
    /// The pallet's SSCC label (optional at Amazon).
    #[serde(default)]
    pub sscc: Option<String>,
    /// The pallet's gross weight.
    #[serde(default)]
    pub weight: Option<ShipmentWeight>,
    /// The pallet's dimensions.
    #[serde(default)]
    pub dimensions: Option<ShipmentDimensions>,
    /// Cartons per tier, passed through.
    #[serde(default)]
    pub tier: Option<u64>,
    /// Tiers per pallet, passed through.
    #[serde(default)]
    pub block: Option<u64>,
    /// Items stacked directly on the pallet (PalletOfItems, MasterPallet). In the carton
    /// structures the pallet's contents come from its cartons.
    #[serde(default)]
    pub contents: Vec<BuildContent>,
}

/// One carton (package) of the packing list.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackedCarton {
    /// The carton's SSCC label: 18 digits, or 20 with the "00" application identifier.
    #[serde(default)]
    pub sscc: Option<String>,
    /// The `id` of the pallet the carton is on.
    #[serde(default)]
    pub pallet: Option<String>,
    /// Mandatory for small parcel.
    #[serde(default)]
    pub tracking_number: Option<String>,
    /// The carton's gross weight.
    #[serde(default)]
    pub weight: Option<ShipmentWeight>,
    /// The carton's dimensions.
    #[serde(default)]
    pub dimensions: Option<ShipmentDimensions>,
    /// What the carton holds, per PO and product.
    pub contents: Vec<BuildContent>,
}

/// What a carton or pallet holds of one product for one PO (one lot).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuildContent {
    /// The purchase order the content ships against.
    pub purchase_order_number: String,
    /// The ERP SKU, mapped through `skuMap`. Or give `asin` / `vendorProductIdentifier`.
    #[serde(default)]
    pub sku: Option<String>,
    /// The product's ASIN, when there is no SKU.
    #[serde(default)]
    pub asin: Option<String>,
    /// The product's vendor SKU, when there is no SKU.
    #[serde(default)]
    pub vendor_product_identifier: Option<String>,
    /// In `unitOfMeasure` (default Eaches). Converted to the PO line's unit.
    pub quantity: u64,
    /// `Eaches` (default) or `Cases`.
    #[serde(default)]
    pub unit_of_measure: Option<UnitOfMeasure>,
    /// Eaches per case when `unitOfMeasure` is Cases (default: the SKU map's `unitsPerCase`).
    #[serde(default)]
    pub unit_size: Option<u64>,
    /// The lot number.
    #[serde(default)]
    pub lot_number: Option<String>,
    /// ISO-8601.
    #[serde(default)]
    pub expiry_date: Option<String>,
    /// The manufacturing date, for the lot.
    #[serde(default)]
    pub manufacturer_date: Option<String>,
    /// ISO 3166 alpha-2.
    #[serde(default)]
    pub country_of_origin: Option<String>,
}
