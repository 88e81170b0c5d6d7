//! Where each part of a built ASN came from in the packing data, so that an issue the validator
//! finds in the ASN points at the field the person typed.

use std::collections::BTreeMap;

use crate::shipment::issue::ShipmentIssue;

#[derive(Default)]
pub(super) struct Provenance {
    /// ASN pointer → (input pointer, whether the rest of a longer ASN path is appended).
    map: BTreeMap<String, (String, bool)>,
}

impl Provenance {
    /// `asn` maps to exactly `input`; deeper ASN paths map to `input` too.
    pub fn leaf(&mut self, asn: impl Into<String>, input: impl Into<String>) {
        self.map.insert(asn.into(), (input.into(), false));
    }

    /// `asn` maps to `input`, and `asn/x/y` to `input/x/y` (the same shape below).
    pub fn same_shape(&mut self, asn: impl Into<String>, input: impl Into<String>) {
        self.map.insert(asn.into(), (input.into(), true));
    }

    /// The input pointer for an ASN pointer: the longest registered prefix (at a `/`).
    pub fn input_path(&self, asn_path: &str) -> String {
        let mut prefix = asn_path;
        loop {
            if let Some((input, keep_suffix)) = self.map.get(prefix) {
                let suffix = asn_path.get(prefix.len()..).unwrap_or("");
                return if *keep_suffix {
                    format!("{input}{suffix}")
                } else {
                    input.clone()
                };
            }
            match prefix.rfind('/') {
                Some(i) => prefix = prefix.get(..i).unwrap_or(""),
                None => return String::new(),
            }
        }
    }

    pub fn remap(&self, mut issue: ShipmentIssue) -> ShipmentIssue {
        issue.path = self.input_path(&issue.path);
        issue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins_and_shapes_carry_their_suffix() {
        let mut p = Provenance::default();
        p.leaf("", "");
        p.leaf("/cartons/0", "/cartons/2");
        p.leaf("/cartons/0/cartonIdentifiers", "/cartons/2/sscc");
        p.same_shape("/sellingParty", "/sellingParty");
        assert_eq!(
            p.input_path("/cartons/0/cartonIdentifiers/0/containerIdentificationNumber"),
            "/cartons/2/sscc"
        );
        assert_eq!(p.input_path("/cartons/0/items/3"), "/cartons/2");
        assert_eq!(
            p.input_path("/sellingParty/partyId"),
            "/sellingParty/partyId"
        );
        assert_eq!(p.input_path("/nowhere/1"), "");
    }
}
