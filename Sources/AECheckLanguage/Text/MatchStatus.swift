import Foundation

/// How the text speaks of a finding.
///
/// `present` when asserted, `absent` when negated, `unknown` when hedged.
///
/// ```swift
/// let status = MatchStatus(rawValue: "absent")  // .absent
/// ```
public enum MatchStatus: String, Hashable, Sendable {
    /// The text asserts the finding ("I have sparkles").
    ///
    /// Example: `"my lips are swollen"`.
    case present
    /// The text denies the finding ("no fizz", "the glow went away").
    ///
    /// Example: `"no fizz"`.
    case absent
    /// The text hedges the finding ("maybe a glow").
    ///
    /// Example: `"not sure if it's sparkles"`.
    case unknown
}

/// When a mention is set: now, in the past ("when I was 12"), or only asked about ("what if").
///
/// Example: "I had shingles years ago" reads shingles as `.historical`.
public enum Temporality: String, Hashable, Sendable {
    case current
    case historical
    case hypothetical
}
