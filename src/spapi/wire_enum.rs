//! `wire_enum!`: an enum that is written exactly as Amazon spells it and read tolerantly.

/// Case, `_`, `-` and spaces are ignored when matching an incoming spelling: the sandbox sends
/// `"CASES"` for `Cases`, and public issue threads show `"REJECTED"` for `Rejected`.
pub(crate) fn spelling_key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Declares a wire enum: `Name { Variant = "Spelling", … }`.
///
/// Serialises to the exact spelling; deserialises any spelling with the same [`spelling_key`],
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
                let key = $crate::spapi::wire_enum::spelling_key(text);
                $crate::spapi::wire_enum::lookup(&key, Self::SPELLINGS)
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

/// Index of the spelling whose key equals `key`.
pub(crate) fn lookup(key: &str, spellings: &[&str]) -> Option<usize> {
    spellings.iter().position(|s| spelling_key(s) == key)
}
