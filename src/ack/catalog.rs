//! Resolving a PO line to an ERP SKU through the `skuMap`.

use std::collections::BTreeMap;

use super::error::AckError;
use super::input::SkuMapping;
use crate::spapi::orders::OrderItem;

/// Lookup from Amazon identifiers (ASIN, vendor SKU, EAN/UPC/GTIN) to the mapping entry.
#[derive(Debug, Default)]
pub struct Catalog<'a> {
    by_asin: BTreeMap<&'a str, &'a SkuMapping>,
    by_vendor_id: BTreeMap<&'a str, &'a SkuMapping>,
}

impl<'a> Catalog<'a> {
    /// Indexes the map, refusing duplicate SKUs and identifiers that point at two SKUs.
    pub fn new(mappings: &'a [SkuMapping]) -> Result<Self, AckError> {
        let mut catalog = Catalog::default();
        let mut seen_skus = BTreeMap::new();
        for (i, mapping) in mappings.iter().enumerate() {
            if seen_skus.insert(mapping.sku.as_str(), i).is_some() {
                return Err(AckError::DuplicateSku {
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
        let by_asin = item
            .amazon_product_identifier
            .as_deref()
            .and_then(|asin| self.by_asin.get(asin));
        by_asin
            .or_else(|| {
                item.vendor_product_identifier
                    .as_deref()
                    .and_then(|id| self.by_vendor_id.get(id))
            })
            .copied()
    }
}

fn insert_unique<'a>(
    index: &mut BTreeMap<&'a str, &'a SkuMapping>,
    key: &'a str,
    mapping: &'a SkuMapping,
    path: String,
) -> Result<(), AckError> {
    match index.get(key) {
        Some(existing) if existing.sku != mapping.sku => Err(AckError::AmbiguousMapping {
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
