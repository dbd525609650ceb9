import Foundation

/// A lay phrase that names a finding.
///
/// Several phrases may name the same finding; the matcher reports the finding, not the phrase.
///
/// ```swift
/// let entry = LexiconEntry(phrase: "short of breath", findingID: "dyspnoea")
/// ```
public struct LexiconEntry: Hashable, Sendable {
    /// The words as a patient might write them (any case; punctuation is ignored).
    ///
    /// Example: `"can't breathe"`.
    public var phrase: String
    /// The identifier of the finding the phrase names.
    ///
    /// Example: `"dyspnoea"`.
    public var findingID: String

    /// Creates an entry.
    ///
    /// The phrase is normalised when a matcher is built, not here.
    /// Example: `LexiconEntry(phrase: "hives", findingID: "urticaria")`.
    public init(phrase: String, findingID: String) {
        self.phrase = phrase
        self.findingID = findingID
    }
}
