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
    #[serde(default)]
    pub shipment_type: Option<ShipmentType>,
    #[serde(default)]
    pub transportation_mode: Option<TransportationMode>,
    /// The vendor code (`partyId`), as on the POs.
    pub selling_party: ShipmentPartyIdentification,
    pub ship_from_party: ShipmentPartyIdentification,
    /// The fulfilment centre (the POs' `shipToParty`).
    pub ship_to_party: ShipmentPartyIdentification,
    /// Standard Carrier Alpha Code (2–4 letters).
    #[serde(default)]
    pub carrier_scac: Option<String>,
    #[serde(default)]
    pub bill_of_lading_number: Option<String>,
    /// The carrier's PRO number (`carrierShipmentReferenceNumber`).
    #[serde(default)]
    pub pro_number: Option<String>,
    #[serde(default)]
    pub amazon_reference_number: Option<String>,
    /// ISO-8601; written in UTC. Kept as text so that a half-typed date is an issue, not an error.
    #[serde(default)]
    pub shipped_date: Option<String>,
    #[serde(default)]
    pub estimated_delivery_date: Option<String>,
    /// Default: `now`.
    #[serde(default)]
    pub shipment_confirmation_date: Option<String>,
    /// Default: the sum of the outermost containers' weights when all have one, in one unit.
    #[serde(default)]
    pub gross_shipment_weight: Option<ShipmentWeight>,
    #[serde(default)]
    pub shipment_volume: Option<ShipmentVolume>,
    #[serde(default)]
    pub import_details: Option<ShipmentImportDetails>,
    #[serde(default)]
    pub pallets: Vec<PackedPallet>,
    #[serde(default)]
    pub cartons: Vec<PackedCarton>,
    /// ERP SKU ↔ ASIN / vendor SKU / case size, the same map as the acknowledgement engine's.
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// When given, items take the PO line's identifiers and unit of measure (Cases × unitSize).
    #[serde(default)]
    pub purchase_orders: Option<Vec<Order>>,
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
    #[serde(default)]
    pub sscc_ledger: Option<Vec<SsccLedgerEntry>>,
    /// Generates SSCCs for containers without one (in input order: cartons, then pallets).
    #[serde(default)]
    pub sscc_source: Option<SsccSource>,
    /// Write SSCCs with the "00" application identifier (20 digits), as the model's description
    /// of `SSCC` says. Default `true`; `false` writes the bare 18 digits.
    #[serde(default = "default_true")]
    pub sscc_with_application_identifier: bool,
    #[serde(default)]
    pub appointment_at: Option<Instant>,
    pub now: Instant,
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
    #[serde(default)]
    pub weight: Option<ShipmentWeight>,
    #[serde(default)]
    pub dimensions: Option<ShipmentDimensions>,
    #[serde(default)]
    pub tier: Option<u64>,
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
    #[serde(default)]
    pub weight: Option<ShipmentWeight>,
    #[serde(default)]
    pub dimensions: Option<ShipmentDimensions>,
    pub contents: Vec<BuildContent>,
}

/// What a carton or pallet holds of one product for one PO (one lot).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BuildContent {
    pub purchase_order_number: String,
    /// The ERP SKU, mapped through `skuMap`. Or give `asin` / `vendorProductIdentifier`.
    #[serde(default)]
    pub sku: Option<String>,
    #[serde(default)]
    pub asin: Option<String>,
    #[serde(default)]
    pub vendor_product_identifier: Option<String>,
    /// In `unitOfMeasure` (default Eaches). Converted to the PO line's unit.
    pub quantity: u64,
    #[serde(default)]
    pub unit_of_measure: Option<UnitOfMeasure>,
    /// Eaches per case when `unitOfMeasure` is Cases (default: the SKU map's `unitsPerCase`).
    #[serde(default)]
    pub unit_size: Option<u64>,
    #[serde(default)]
    pub lot_number: Option<String>,
    /// ISO-8601.
    #[serde(default)]
    pub expiry_date: Option<String>,
    #[serde(default)]
    pub manufacturer_date: Option<String>,
    /// ISO 3166 alpha-2.
    #[serde(default)]
    pub country_of_origin: Option<String>,
}
