//! What `decideDirectFulfillmentAcknowledgements` reads.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::catalog::SkuMapping;
use crate::money::Decimal;
use crate::spapi::df_orders::DfOrder;
use crate::stock::InventoryPosition;
use crate::time::Instant;

/// The input of `decideDirectFulfillmentAcknowledgements`. Unknown top-level fields are refused,
/// so a typo in a field name is an error rather than a silently ignored rule.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecideDfAcknowledgementsInput {
    /// DF `Order` objects exactly as getOrders / getOrder (2021-12-28) return them.
    pub orders: Vec<DfOrder>,
    /// Stock positions per ERP SKU, in eaches. A SKU that is absent has nothing allocatable.
    #[serde(default)]
    pub inventory: Vec<InventoryPosition>,
    /// ERP SKU ↔ Amazon identifiers (`asin` = the line's `buyerProductIdentifier`). A line whose
    /// identifiers match no mapping falls back to an inventory SKU equal to its vendor product
    /// identifier or ASIN.
    #[serde(default)]
    pub sku_map: Vec<SkuMapping>,
    /// Product and order checks that cancel an order with one of the guide's codes.
    #[serde(default)]
    pub rules: DfRules,
    /// The moment of the decision (ISO-8601). The core never reads the clock.
    pub now: Instant,
    /// The vendor code to acknowledge as. Defaults to each order's `sellingParty.partyId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selling_party: Option<String>,
    /// The warehouse code to acknowledge from. Defaults to each order's `shipFromParty.partyId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_from_party: Option<String>,
    /// The ERP's own order number per purchase order number, sent as `vendorOrderNumber`.
    /// An order not listed is acknowledged with its purchase order number there.
    #[serde(default)]
    pub vendor_order_numbers: BTreeMap<String, String>,
    /// Allocation order and duplicate-number handling.
    #[serde(default)]
    pub options: DfOptions,
}

/// Rules that decide cancellations. SKUs are ERP SKUs (as in `inventory` and `skuMap`).
/// Every list is empty and every limit absent by default: only checks of data the model
/// requires (customer order number, line id, unit price, the model's required ship-to fields,
/// ship method) run without configuration.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfRules {
    /// Discontinued (obsolete) SKUs: an order containing one is cancelled with `71`.
    #[serde(default, alias = "obsolete")]
    pub discontinued: Vec<String>,
    /// SKUs the vendor may not ship direct to customers: cancelled with `51`.
    #[serde(default)]
    pub restricted: Vec<String>,
    /// Most eaches of a SKU one order may contain: more is cancelled with `51`.
    #[serde(default)]
    pub max_quantity_per_order: BTreeMap<String, u64>,
    /// The vendor's warehouse codes. When given, an order whose `shipFromParty.partyId` is
    /// missing or not listed is cancelled with `06`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_from_locations: Option<Vec<String>>,
    /// The bill-to location codes the vendor knows. When given, an order whose
    /// `billToParty.partyId` is missing or not listed is cancelled with `05`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bill_to_locations: Option<Vec<String>>,
    /// The ship methods the vendor can ship with. A missing ship method is always cancelled
    /// with `13`; when this list is given, a method not in it is too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_methods: Option<Vec<String>>,
    /// Ship-to fields that must be present (`name` 07, `addressLine1` 08, `city` 09,
    /// `stateOrRegion` 10, `postalCode` 11, `countryCode` 12). Default: the four the model
    /// requires (`name`, `addressLine1`, `stateOrRegion`, `countryCode`). Only presence is
    /// checked: Amazon's DF specification asks vendors to contact Amazon, not to cancel, when a
    /// complete address merely looks wrong. A masked `xxxxx` counts as present.
    #[serde(default = "default_required_ship_to_fields")]
    pub required_ship_to_fields: Vec<DfShipToField>,
    /// The longest address line the vendor's carrier labels can print. When given, a longer
    /// line 1, 2 or 3 is cancelled with `08`, `21` or `22`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_address_line_length: Option<usize>,
    /// Regions where the vendor has no tax nexus: orders shipping there are cancelled with `50`.
    #[serde(default)]
    pub no_tax_nexus: Vec<DfTaxRegion>,
    /// The highest order value (Σ netPrice × quantity, USD) the vendor ships by USPS. When
    /// given, a USD order with a `USPS…` ship method above it is cancelled with `53`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usps_max_order_value: Option<Decimal>,
}

impl Default for DfRules {
    fn default() -> Self {
        DfRules {
            discontinued: Vec::new(),
            restricted: Vec::new(),
            max_quantity_per_order: BTreeMap::new(),
            ship_from_locations: None,
            bill_to_locations: None,
            ship_methods: None,
            required_ship_to_fields: default_required_ship_to_fields(),
            max_address_line_length: None,
            no_tax_nexus: Vec::new(),
            usps_max_order_value: None,
        }
    }
}

fn default_required_ship_to_fields() -> Vec<DfShipToField> {
    vec![
        DfShipToField::Name,
        DfShipToField::AddressLine1,
        DfShipToField::StateOrRegion,
        DfShipToField::CountryCode,
    ]
}

wire_enum! {
    /// A ship-to field whose absence cancels an order (each with its own code).
    DfShipToField {
        /// The customer's name.
        Name = "name",
        /// The first address line.
        AddressLine1 = "addressLine1",
        /// The city.
        City = "city",
        /// The state or region.
        StateOrRegion = "stateOrRegion",
        /// The postal code.
        PostalCode = "postalCode",
        /// The country code.
        CountryCode = "countryCode",
    }
}

/// A state or region (optionally only in one country) where the vendor has no tax nexus.
/// Matched case-insensitively against the ship-to address.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfTaxRegion {
    /// The country (absent: any country).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The state or region.
    pub state_or_region: String,
}

/// How the batch is decided.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DfOptions {
    /// Which orders get scarce stock first. Default `orderDate` (first come, first served).
    #[serde(default)]
    pub allocation_priority: DfAllocationPriority,
    /// What to do when two *different* orders in the batch share a purchase order number
    /// (Amazon's "Ship ID"). Default `block`: nothing is sent for that number and an exception
    /// asks a person, because merged polls of one order are a likelier cause than Amazon
    /// reusing a number, and a cancellation is final. `cancel` follows Amazon's DF
    /// specification literally and cancels the number with `04`. Identical copies (overlapping
    /// pages) are always decided once.
    #[serde(default)]
    pub duplicate_ship_ids: DfDuplicateShipIdPolicy,
}

wire_enum! {
    /// See [`DfOptions::duplicate_ship_ids`].
    #[derive(Default)]
    DfDuplicateShipIdPolicy {
        /// Block the later of two different orders sharing a number (nothing sent for it).
        #[default]
        Block = "block",
        /// Cancel it with status `04`.
        Cancel = "cancel",
    }
}

wire_enum! {
    /// Allocation order of the batch. Ties are broken by the other date, then by PO number.
    #[derive(Default)]
    DfAllocationPriority {
        /// Oldest order first, then earliest required ship date.
        #[default]
        OrderDate = "orderDate",
        /// Earliest required ship date first, then oldest order.
        RequiredShipDate = "requiredShipDate",
    }
}
