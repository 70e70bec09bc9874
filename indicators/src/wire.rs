//! One table per enum from its variants to the names they have on the wire:
//! in JSON files, addresses, form values, CSS classes and the command line.
//! [`wire_enum!`](crate::wire_enum) writes `as_str`, `FromStr`, `Display`
//! and serde from that one table, so the names cannot drift apart.

use std::fmt;

/// A name that is none of an enum's wire names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// What was being named, e.g. `progress status`.
    pub kind: &'static str,
    /// The text as given.
    pub value: String,
    /// Every name that would have been accepted.
    pub allowed: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a {}; use one of: {}",
            self.value,
            self.kind,
            self.allowed.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

/// Declares an enum of unit variants with one wire name each:
///
/// ```
/// indicators::wire_enum! {
///     /// Which way is up.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Side: "side" {
///         Left = "left",
///         Right = "right",
///     }
/// }
/// assert_eq!(Side::Left.as_str(), "left");
/// assert_eq!("right".parse::<Side>(), Ok(Side::Right));
/// assert_eq!(serde_json::to_string(&Side::Left).unwrap(), "\"left\"");
/// assert!("up".parse::<Side>().unwrap_err().to_string().contains("left, right"));
/// ```
///
/// The string after the name says what a value is, for error messages.
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$( $name::$variant ),+];
            /// Every wire name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$( $wire ),+];

            /// The name on the wire (JSON, addresses, CSS classes).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $wire, )+
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::wire::UnknownName;

            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                match text {
                    $( $wire => Ok($name::$variant), )+
                    _ => Err($crate::wire::UnknownName {
                        kind: $kind,
                        value: text.to_string(),
                        allowed: Self::NAMES,
                    }),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::wire_enum! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        enum Colour: "colour" {
            Red = "red",
            DarkBlue = "dark-blue",
        }
    }

    #[test]
    fn names_round_trip_through_str_serde_and_map_keys() {
        for colour in Colour::ALL {
            assert_eq!(colour.as_str().parse::<Colour>(), Ok(*colour));
            let json = serde_json::to_string(colour).expect("json");
            assert_eq!(json, format!("\"{}\"", colour.as_str()));
            assert_eq!(
                serde_json::from_str::<Colour>(&json).expect("back"),
                *colour
            );
        }
        let map = std::collections::BTreeMap::from([(Colour::DarkBlue, 2)]);
        let json = serde_json::to_string(&map).expect("map");
        assert_eq!(json, r#"{"dark-blue":2}"#);
        assert_eq!(
            serde_json::from_str::<std::collections::BTreeMap<Colour, i32>>(&json).expect("map"),
            map
        );
    }

    #[test]
    fn unknown_names_list_the_allowed_ones() {
        let err = "green".parse::<Colour>().expect_err("unknown");
        assert_eq!(err.allowed, ["red", "dark-blue"]);
        assert_eq!(
            err.to_string(),
            "`green` is not a colour; use one of: red, dark-blue"
        );
        let err = serde_json::from_str::<Colour>("\"green\"").expect_err("unknown");
        assert!(err.to_string().contains("red, dark-blue"), "{err}");
    }
}
