//! The `skuMap`: ERP SKUs and the identifiers Amazon uses for them (ASIN, vendor SKU,
//! EAN/UPC/GTIN), shared by every engine that must turn an Amazon line into an ERP item.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::spapi::orders::OrderItem;

/// One ERP item and the identifiers Amazon may use for it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SkuMapping {
    /// The ERP's item key.
    pub sku: String,
    /// Amazon's ASIN (`amazonProductIdentifier` on PO lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// The vendor's own code as sent in `vendorProductIdentifier`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_sku: Option<String>,
    /// The item's EAN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ean: Option<String>,
    /// The item's UPC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upc: Option<String>,
    /// The item's GTIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin: Option<String>,
    /// Eaches in one case, used when a Cases PO line omits `unitSize`, and cross-checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units_per_case: Option<u64>,
}

/// A `skuMap` that cannot be indexed: the same SKU twice, or an identifier on two SKUs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The same ERP SKU twice.
    #[error("SKU {sku} appears more than once in the SKU map (again at {path})")]
    DuplicateSku {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The ERP SKU.
        sku: String,
    },
    /// One Amazon identifier mapped to two ERP SKUs: a line could be given the wrong stock.
    #[error("identifier {identifier} maps to both {first_sku} and {second_sku} (at {path})")]
    AmbiguousMapping {
        /// JSON pointer to the offending field of the input.
        path: String,
        /// The identifier (ASIN, vendor SKU, EAN, UPC or GTIN) mapped twice.
        identifier: String,
        /// The first SKU it maps to.
        first_sku: String,
        /// The second SKU it maps to.
        second_sku: String,
    },
}

impl crate::error::CodedError for CatalogError {
    fn code(&self) -> &'static str {
        match self {
            CatalogError::DuplicateSku { .. } => "DUPLICATE_SKU",
            CatalogError::AmbiguousMapping { .. } => "AMBIGUOUS_SKU_MAPPING",
        }
    }

    fn path(&self) -> String {
        match self {
            CatalogError::DuplicateSku { path, .. }
            | CatalogError::AmbiguousMapping { path, .. } => path.clone(),
        }
    }

    fn details(&self) -> serde_json::Value {
        match self {
            CatalogError::DuplicateSku { sku, .. } => serde_json::json!({ "sku": sku }),
            CatalogError::AmbiguousMapping {
                identifier,
                first_sku,
                second_sku,
                ..
            } => serde_json::json!({ "identifier": identifier, "skus": [first_sku, second_sku] }),
        }
    }
}

/// Lookup from Amazon identifiers (ASIN, vendor SKU, EAN/UPC/GTIN) to the mapping entry.
#[derive(Debug, Default)]
pub struct Catalog<'a> {
    by_sku: BTreeMap<&'a str, &'a SkuMapping>,
    by_asin: BTreeMap<&'a str, &'a SkuMapping>,
    by_vendor_id: BTreeMap<&'a str, &'a SkuMapping>,
}

impl<'a> Catalog<'a> {
    /// Indexes the map, refusing duplicate SKUs and identifiers that point at two SKUs.
    pub fn new(mappings: &'a [SkuMapping]) -> Result<Self, CatalogError> {
        let mut catalog = Catalog::default();
        for (i, mapping) in mappings.iter().enumerate() {
            if catalog
                .by_sku
                .insert(mapping.sku.as_str(), mapping)
                .is_some()
            {
                return Err(CatalogError::DuplicateSku {
                    path: format!("/skuMap/{i}/sku"),
                    sku: mapping.sku.clone(),
                });
            }
            if let Some(asin) = mapping.asin.as_deref() {
                insert_unique(
                    &mut catalog.by_asin,
                    asin,
                    mapping,
                    format!("/skuMap/{i}/asin"),
                )?;
            }
            let vendor_ids = [
                ("vendorSku", &mapping.vendor_sku),
                ("ean", &mapping.ean),
                ("upc", &mapping.upc),
                ("gtin", &mapping.gtin),
            ];
            for (field, id) in vendor_ids {
                if let Some(id) = id.as_deref() {
                    let path = format!("/skuMap/{i}/{field}");
                    insert_unique(&mut catalog.by_vendor_id, id, mapping, path)?;
                }
            }
        }
        Ok(catalog)
    }

    /// The mapping for a PO line: by ASIN first (Amazon's own key), then by vendor identifier.
    pub fn resolve(&self, item: &OrderItem) -> Option<&'a SkuMapping> {
        self.resolve_ids(
            item.amazon_product_identifier.as_deref(),
            item.vendor_product_identifier.as_deref(),
        )
    }

    /// The mapping for an ASIN and/or a vendor identifier (vendor SKU, EAN, UPC or GTIN).
    pub fn resolve_ids(
        &self,
        asin: Option<&str>,
        vendor_id: Option<&str>,
    ) -> Option<&'a SkuMapping> {
        asin.and_then(|asin| self.by_asin.get(asin))
            .or_else(|| vendor_id.and_then(|id| self.by_vendor_id.get(id)))
            .copied()
    }

    /// The mapping of an ERP SKU.
    pub fn by_sku(&self, sku: &str) -> Option<&'a SkuMapping> {
        self.by_sku.get(sku).copied()
    }
}

fn insert_unique<'a>(
    index: &mut BTreeMap<&'a str, &'a SkuMapping>,
    key: &'a str,
    mapping: &'a SkuMapping,
    path: String,
) -> Result<(), CatalogError> {
    match index.get(key) {
        Some(existing) if existing.sku != mapping.sku => Err(CatalogError::AmbiguousMapping {
            path,
            identifier: key.to_string(),
            first_sku: existing.sku.clone(),
            second_sku: mapping.sku.clone(),
        }),
        Some(_) => Ok(()),
        None => {
            index.insert(key, mapping);
            Ok(())
        }
    }
}
