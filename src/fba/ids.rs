//! Identifiers sent to Amazon, derived deterministically from the order so that routing the
//! same order twice yields the same `sellerFulfillmentOrderId` (Amazon then refuses the second
//! create instead of shipping twice).
//!
//! An id that fits the model's length and uses only `A–Z a–z 0–9 - _` is used as it is.
//! Anything else keeps a readable head (other characters turned into `-`) and ends with 12 hex
//! digits of an FNV-1a hash of the original text, so two ids that clean up to the same text
//! still differ.

/// `sellerFulfillmentOrderId`: at most 40 characters.
pub const SELLER_FULFILLMENT_ORDER_ID_MAX: usize = 40;
/// `sellerFulfillmentOrderItemId` and `sellerSku`: at most 50 characters.
pub const ITEM_ID_MAX: usize = 50;
/// `displayableOrderId`: at most 40 characters.
pub const DISPLAYABLE_ORDER_ID_MAX: usize = 40;
/// The configurable prefix leaves room for at least 7 readable characters and the hash.
pub const PREFIX_MAX: usize = 20;
const HASH_HEX_DIGITS: usize = 12;

/// Characters every Amazon id field accepts.
pub fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The seller fulfillment order id of an order: `prefix` + `channel-orderId`, bounded to 40
/// characters. The channel is part of it because two channels may use the same order number.
///
/// ```
/// use vendor_central_connector::fba::seller_fulfillment_order_id;
/// assert_eq!(seller_fulfillment_order_id("MCF-", "web", "1001"), "MCF-web-1001");
/// let long = seller_fulfillment_order_id("MCF-", "shopify", "#1001/2026 (gift) for the office");
/// assert!(long.len() <= 40 && long.starts_with("MCF-shopify--1001-2026"));
/// ```
pub fn seller_fulfillment_order_id(prefix: &str, channel: &str, order_id: &str) -> String {
    let composite = format!("{}-{}", channel.trim(), order_id.trim());
    // The hash covers channel and order id separately, so ("a-b", "c") ≠ ("a", "b-c").
    let hash_input = format!("{}\u{0}{}", channel.trim(), order_id.trim());
    bounded_id(
        prefix,
        &composite,
        &hash_input,
        SELLER_FULFILLMENT_ORDER_ID_MAX,
    )
}

/// The `sellerFulfillmentOrderItemId` of an order line: its line id, bounded to 50 characters.
pub fn seller_fulfillment_order_item_id(line_id: &str) -> String {
    bounded_id("", line_id, line_id, ITEM_ID_MAX)
}

/// The `displayableOrderId`: the channel's order id when the model accepts it (1–40 ISO 8859-1
/// characters, no two spaces in a row, no leading or trailing space), else `None`.
pub fn displayable_order_id(order_id: &str) -> Option<String> {
    let length = order_id.chars().count();
    let latin1 = order_id
        .chars()
        .all(|c| (c as u32) <= 0xFF && !c.is_control());
    let acceptable = (1..=DISPLAYABLE_ORDER_ID_MAX).contains(&length)
        && latin1
        && !order_id.contains("  ")
        && order_id.trim() == order_id;
    acceptable.then(|| order_id.to_string())
}

/// `prefix + text` when clean and short enough; otherwise a cleaned, truncated head and a hash
/// of `hash_input`. `prefix` must be clean and at most [`PREFIX_MAX`] characters.
fn bounded_id(prefix: &str, text: &str, hash_input: &str, max: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if is_id_char(c) { c } else { '-' })
        .collect();
    if !text.is_empty() && clean == text && prefix.len().saturating_add(text.len()) <= max {
        return format!("{prefix}{text}");
    }
    let hash = format!("{:012x}", fnv1a_64(hash_input) & 0xFFFF_FFFF_FFFF);
    let room = max.saturating_sub(prefix.len().saturating_add(1 + HASH_HEX_DIGITS));
    // `clean` is ASCII, so characters and bytes coincide.
    let head: String = clean.chars().take(room).collect();
    if head.is_empty() {
        format!("{prefix}{hash}")
    } else {
        format!("{prefix}{head}-{hash}")
    }
}

/// FNV-1a, 64 bits: tiny, stable across platforms and releases (unlike std's hasher).
fn fnv1a_64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_short_ids_are_kept_verbatim() {
        assert_eq!(seller_fulfillment_order_id("", "web", "A-1_b"), "web-A-1_b");
        assert_eq!(seller_fulfillment_order_item_id("10"), "10");
    }

    #[test]
    fn ids_that_clean_to_the_same_text_differ_by_their_hash() {
        let a = seller_fulfillment_order_id("X", "web", "1/2");
        let b = seller_fulfillment_order_id("X", "web", "1.2");
        assert_ne!(a, b);
        assert!(a.starts_with("Xweb-1-2-") && b.starts_with("Xweb-1-2-"));
        let c = seller_fulfillment_order_id("", "a-b", "c");
        let d = seller_fulfillment_order_id("", "a", "b-c");
        assert_eq!(c, d, "both clean to the same text and are kept verbatim");
    }

    #[test]
    fn long_ids_are_bounded_and_stable() {
        let prefix = "P".repeat(PREFIX_MAX);
        let id = seller_fulfillment_order_id(&prefix, "channel", &"9".repeat(200));
        assert_eq!(id.len(), SELLER_FULFILLMENT_ORDER_ID_MAX);
        assert_eq!(
            id,
            seller_fulfillment_order_id(&prefix, "channel", &"9".repeat(200))
        );
        assert!(id.chars().all(is_id_char));
        assert_eq!(fnv1a_64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn displayable_order_id_follows_the_model() {
        assert_eq!(
            displayable_order_id("Bestellung-Ä1"),
            Some("Bestellung-Ä1".into())
        );
        assert_eq!(displayable_order_id("a  b"), None);
        assert_eq!(displayable_order_id(" a"), None);
        assert_eq!(displayable_order_id("注文1"), None);
        assert_eq!(displayable_order_id(&"x".repeat(41)), None);
        assert_eq!(displayable_order_id(""), None);
    }
}
