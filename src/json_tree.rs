//! A JSON document read in place, for the inputs that are validated as plain JSON rather than
//! typed (the ASN of `validateShipmentConfirmation`, which must report every problem of a
//! half-filled form instead of one parse error).
//!
//! It answers the same questions as `serde_json::Value` (same member order, same number kinds),
//! but refuses an object that names a key twice, as every typed input does (serde's
//! `duplicate field` error at the second key: `INVALID_VALUE` with that key's pointer), instead
//! of letting the last one win silently. It costs far less than `Value`: strings without escapes borrow
//! from the input text instead of being copied, and an object is one sorted vector instead of
//! a B-tree of separately allocated keys. Profiled on a 6,000-item ASN, reading into `Value`
//! and dropping it again was 40 % of the whole validation.
//!
//! ```
//! use vendor_central_connector::json_tree::Json;
//! let text = r#"{"b": {"c": 2}, "a": null}"#;
//! let doc: Json = serde_json::from_str(text).unwrap();
//! let keys: Vec<&str> = doc.as_object().unwrap().keys().collect();
//! assert_eq!(keys, ["a", "b"]); // sorted
//! assert_eq!(doc.get("b").and_then(|b| b.get("c")).and_then(Json::as_u64), Some(2));
//! let twice = serde_json::from_str::<Json>(r#"{"amount": 500, "amount": 1}"#).unwrap_err();
//! assert!(twice.to_string().starts_with("duplicate field `amount`"));
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use std::collections::HashSet;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// One JSON value. `'a` is the lifetime of the text it was read from.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json<'a> {
    /// JSON `null`.
    #[default]
    Null,
    /// A JSON boolean.
    Bool(bool),
    /// A JSON number, as serde_json reads it.
    Number(Number),
    /// A JSON string, borrowed from the text where it has no escapes.
    String(Cow<'a, str>),
    /// A JSON array.
    Array(Vec<Json<'a>>),
    /// A JSON object.
    Object(Object<'a>),
}

/// A JSON number, kept as the kind serde_json reads it as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// An integer ≥ 0 that fits a `u64`.
    PosInt(u64),
    /// A negative integer that fits an `i64`.
    NegInt(i64),
    /// Anything else: a fraction, an exponent, or an integer too large for 64 bits.
    Float(f64),
}

/// A JSON object: members sorted by key (byte order, as `serde_json::Map`), one per key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Json<'a> {
    /// The member `key` of an object; `None` for a missing key or a value that is not an object.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.as_object().and_then(|object| object.get(key))
    }

    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The array's elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(elements) => Some(elements),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// An integer ≥ 0 (not a fraction such as `3.0`, as `serde_json::Value::as_u64`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(Number::PosInt(n)) => Some(*n),
            _ => None,
        }
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// Whether this is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Json::String(_))
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

impl<'a> Object<'a> {
    /// Builds an object from members in document order, each key once (the reader refuses a
    /// second one): sorted by key.
    fn from_members(mut members: Vec<(Cow<'a, str>, Json<'a>)>) -> Object<'a> {
        if !members.is_sorted_by(|a, b| a.0 < b.0) {
            members.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        }
        Object { members }
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        // Most lookups are of optional fields that are absent. In a small object a scan that
        // compares lengths first rarely touches a byte; ordered comparisons always do.
        if self.members.len() <= SCANNED_OBJECT_LEN {
            return self
                .members
                .iter()
                // The first bytes first: a call to compare the rest only for a likely match.
                .find(|(member, _)| {
                    member.len() == key.len()
                        && member.as_bytes().first() == key.as_bytes().first()
                        && member.as_ref() == key
                })
                .map(|(_, value)| value);
        }
        self.members
            .binary_search_by(|(member, _)| member.as_ref().cmp(key))
            .ok()
            .and_then(|index| self.members.get(index))
            .map(|(_, value)| value)
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the object has no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Keys in sorted order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(key, _)| key.as_ref())
    }

    /// Members in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.members
            .iter()
            .map(|(key, value)| (key.as_ref(), value))
    }
}

/// Objects up to this many members are searched by scanning (see [`Object::get`]).
const SCANNED_OBJECT_LEN: usize = 16;

/// Most elements reserved up front from a length hint: a hint is not a promise, and an
/// attacker-sized reservation must not happen before the elements are actually read.
const MAX_RESERVED: usize = 4096;

impl<'de: 'a, 'a> Deserialize<'de> for Json<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor(PhantomData))
    }
}

struct JsonVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for JsonVisitor<'a> {
    type Value = Json<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json<'a>, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json<'a>, E> {
        Ok(Json::Number(match u64::try_from(value) {
            Ok(positive) => Number::PosInt(positive),
            Err(_) => Number::NegInt(value),
        }))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json<'a>, E> {
        Ok(Json::Number(Number::PosInt(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json<'a>, E> {
        // JSON text has no NaN or infinity; serde_json's `Value` makes them null too.
        Ok(if value.is_finite() {
            Json::Number(Number::Float(value))
        } else {
            Json::Null
        })
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Json<'a>, E> {
        Ok(Json::String(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json<'a>, E> {
        Ok(Json::String(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Json<'a>, E> {
        Ok(Json::String(Cow::Owned(value)))
    }

    fn visit_unit<E>(self) -> Result<Json<'a>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json<'a>, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'a>, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'a>, A::Error> {
        let mut elements = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_RESERVED));
        while let Some(element) = seq.next_element()? {
            elements.push(element);
        }
        Ok(Json::Array(elements))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'a>, A::Error> {
        let mut members: Vec<(Cow<'a, str>, Json<'a>)> =
            Vec::with_capacity(map.size_hint().unwrap_or(0).min(MAX_RESERVED));
        // Keys seen, once an object outgrows a scan (a hostile object can have millions).
        let mut seen: Option<HashSet<Cow<'a, str>>> = None;
        while let Some(Key(key)) = map.next_key()? {
            let duplicate = match seen.as_mut() {
                Some(keys) => !keys.insert(key.clone()),
                None => {
                    let found = members
                        .iter()
                        .any(|(member, _)| member.len() == key.len() && *member == key);
                    if !found && members.len() >= SCANNED_OBJECT_LEN {
                        let mut keys: HashSet<Cow<'a, str>> =
                            members.iter().map(|(member, _)| member.clone()).collect();
                        keys.insert(key.clone());
                        seen = Some(keys);
                    }
                    found
                }
            };
            if duplicate {
                // Right after the key, as serde's derive reports a typed struct's second key:
                // the error's pointer is that key's.
                return Err(de::Error::custom(format_args!(
                    "duplicate field `{}`",
                    crate::error::quote(&key)
                )));
            }
            members.push((key, map.next_value()?));
        }
        Ok(Json::Object(Object::from_members(members)))
    }
}

/// An object key, borrowed from the text when it has no escapes (`Cow<str>`'s own
/// `Deserialize` always copies).
struct Key<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor(PhantomData))
    }
}

struct KeyVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for KeyVisitor<'a> {
    type Value = Key<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Key<'a>, E> {
        Ok(Key(Cow::Borrowed(value)))
    }

    fn visit_str<E>(self, value: &str) -> Result<Key<'a>, E> {
        Ok(Key(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Key<'a>, E> {
        Ok(Key(Cow::Owned(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// Reads `text` both ways and checks that every question the validator asks gets the same
    /// answer from the tree as from `serde_json::Value`.
    fn same_as_value(tree: &Json, value: &Value) {
        match (tree, value) {
            (Json::Null, Value::Null) => {}
            (Json::Bool(a), Value::Bool(b)) => assert_eq!(a, b),
            (Json::Number(n), Value::Number(v)) => {
                assert_eq!(tree.as_u64(), v.as_u64());
                match n {
                    Number::PosInt(_) => assert!(v.is_u64()),
                    Number::NegInt(i) => assert_eq!(Some(*i), v.as_i64()),
                    Number::Float(f) => assert_eq!(Some(*f), v.as_f64()),
                }
            }
            (Json::String(a), Value::String(b)) => assert_eq!(a, b),
            (Json::Array(a), Value::Array(b)) => {
                assert_eq!(a.len(), b.len());
                a.iter().zip(b).for_each(|(x, y)| same_as_value(x, y));
            }
            (Json::Object(a), Value::Object(b)) => {
                assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
                for (key, member) in a.iter() {
                    same_as_value(member, &b[key]);
                    assert_eq!(a.get(key), Some(member));
                }
            }
            _ => panic!("{tree:?} read differently as {value:?}"),
        }
    }

    fn check(text: &str) {
        let tree: Json = serde_json::from_str(text).unwrap();
        let value: Value = serde_json::from_str(text).unwrap();
        same_as_value(&tree, &value);
    }

    #[test]
    fn reads_like_serde_json_value() {
        check(r#"{"z": 1, "a": [true, false, null], "m": {"y": "é", "x": -3, "w": 2.5}}"#);
        check(
            r#"[18446744073709551615, 18446744073709551616, -9223372036854775808, 1.5e300, -0.0]"#,
        );
        check(r#"{"esc\"aped": "a\nb\u00e9", "": ""}"#);
        check("[]");
        check("{}");
        // Larger than a scanned object: found by binary search.
        let members: Vec<String> = (0..40).rev().map(|i| format!("\"k{i}\": {i}")).collect();
        check(&format!("{{{}}}", members.join(", ")));
    }

    #[test]
    fn a_key_given_twice_is_refused_at_the_second_one() {
        let members: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        for text in [
            r#"{"amount": 500, "amount": 1}"#.to_string(),
            r#"{"a": {"dup": 1, "b": 2, "dup": {"later": "wins"}}}"#.to_string(),
            // Past the scanned length: found through the set of keys.
            format!("{{{}, \"k7\": \"again\"}}", members.join(", ")),
            format!("{{{}, \"k39\": \"again\"}}", members.join(", ")),
            // The same key, one spelling escaped.
            r#"{"amount": 500, "\u0061mount": 1}"#.to_string(),
        ] {
            let error = serde_json::from_str::<Json>(&text).unwrap_err();
            assert!(
                error.to_string().starts_with("duplicate field `"),
                "{text}: {error}"
            );
        }
        // Different keys of equal length are not duplicates.
        check(r#"{"ab": 1, "ba": 2, "aa": 3}"#);
    }

    #[test]
    fn strings_without_escapes_borrow_the_text() {
        let tree: Json = serde_json::from_str(r#"{"plain": "text", "esc": "a\tb"}"#).unwrap();
        assert!(matches!(
            tree.get("plain"),
            Some(Json::String(Cow::Borrowed("text")))
        ));
        assert!(matches!(tree.get("esc"), Some(Json::String(Cow::Owned(_)))));
    }

    #[test]
    fn integers_are_not_fractions() {
        let tree: Json = serde_json::from_str(r#"{"a": 3, "b": 3.0, "c": -1}"#).unwrap();
        assert_eq!(tree.get("a").and_then(Json::as_u64), Some(3));
        assert_eq!(tree.get("b").and_then(Json::as_u64), None);
        assert_eq!(tree.get("c").and_then(Json::as_u64), None);
        assert_eq!(tree.get("missing"), None);
        assert_eq!(Json::Null.get("a"), None);
    }
}
