//! `wire_enum!`: an enum that is written exactly as Amazon spells it and read tolerantly.

/// The characters that decide whether two spellings match. Case, `_`, `-` and spaces are ignored
/// when matching an incoming spelling: the sandbox sends `"CASES"` for `Cases`, and public issue
/// threads show `"REJECTED"` for `Rejected`.
fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
}

/// Whether two spellings match ignoring case, `_`, `-` and spaces ([`key_chars`]). Compares lazily: reading an enum is on
/// the parsing path of every engine (a million-row reconciliation reads millions of them), and
/// building a key per spelling per value was a tenth of its parsing time.
pub(crate) fn same_spelling(a: &str, b: &str) -> bool {
    a == b || key_chars(a).eq(key_chars(b))
}

/// Declares a wire enum: `Name { Variant = "Spelling", … }`.
///
/// Serialises to the exact spelling; deserialises any spelling that [`same_spelling`] matches,
/// and refuses anything else with serde's "unknown variant" error listing the valid spellings.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $spelling:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $spelling)] $variant,)+
        }

        impl $name {
            /// Every value, in the model's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The model's exact spellings, in the model's order.
            pub const SPELLINGS: &'static [&'static str] = &[$($spelling,)+];

            /// The exact spelling Amazon expects.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $spelling,)+ }
            }

            /// Reads a spelling tolerantly (case, `_`, `-`, spaces ignored).
            pub fn parse_tolerant(text: &str) -> Option<$name> {
                $crate::spapi::wire_enum::lookup(text, Self::SPELLINGS)
                    .and_then(|i| Self::ALL.get(i).copied())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // A visitor, so the error is raised inside the JSON reader and carries the
                // position of this very string (the JSON pointer is derived from it).
                struct SpellingVisitor;
                impl serde::de::Visitor<'_> for SpellingVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("one of the spellings of ", stringify!($name)))
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$name, E> {
                        $name::parse_tolerant(text)
                            .ok_or_else(|| E::unknown_variant(text, $name::SPELLINGS))
                    }
                }
                deserializer.deserialize_str(SpellingVisitor)
            }
        }
    };
}

/// Index of the spelling `text` matches: exactly (the usual case, no work), else by
/// [`same_spelling`].
pub(crate) fn lookup(text: &str, spellings: &[&str]) -> Option<usize> {
    spellings
        .iter()
        .position(|s| *s == text)
        .or_else(|| spellings.iter().position(|s| same_spelling(s, text)))
}
