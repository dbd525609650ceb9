import Foundation

/// How the text speaks of a finding.
///
/// `present` when asserted, `absent` when negated, `unknown` when hedged.
///
/// ```swift
/// let status = MatchStatus(rawValue: "absent")  // .absent
/// ```
public enum MatchStatus: String, Hashable, Sendable {
    /// The text asserts the finding ("I have hives").
    ///
    /// Example: `"my lips are swollen"`.
    case present
    /// The text denies the finding ("no fever", "the rash went away").
    ///
    /// Example: `"no fever"`.
    case absent
    /// The text hedges the finding ("maybe a rash").
    ///
    /// Example: `"not sure if it's hives"`.
    case unknown
}
