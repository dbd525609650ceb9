import Foundation

/// A lay phrase that names a finding.
///
/// Several phrases may name the same finding; the matcher reports the finding, not the phrase.
///
/// ```swift
/// let entry = LexiconEntry(phrase: "out of tune", findingID: "tune-loss")
/// ```
public struct LexiconEntry: Hashable, Sendable {
    /// The words as a patient might write them (any case; punctuation is ignored).
    ///
    /// Example: `"can't whistle"`.
    public var phrase: String
    /// The identifier of the finding the phrase names.
    ///
    /// Example: `"whistle-loss"`.
    public var findingID: String

    /// Creates an entry.
    ///
    /// The phrase is normalised when a matcher is built, not here.
    /// Example: `LexiconEntry(phrase: "sparkles", findingID: "sparkle")`.
    public init(phrase: String, findingID: String) {
        self.phrase = phrase
        self.findingID = findingID
    }
}
