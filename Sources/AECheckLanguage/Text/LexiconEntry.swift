import Foundation

/// One way of saying a finding: a phrase matched as a whole, or a combination of two parts
/// (say, a body part and a change) that may come in either order inside one clause.
///
/// The matcher holds no vocabulary of its own; entries come from the caller (usually the
/// knowledge's `say:` and `combine:` lines, with word sets already expanded).
/// Example: `LexiconEntry(phrase: "sparkles", findingID: "sparkles")`,
/// `LexiconEntry(combination: [["lamp", "lantern"], ["glowing", "lit"]], findingID: "glow")`.
public struct LexiconEntry: Hashable, Sendable {
    /// The phrase, or for a combination its parts as "a|b + c|d" (for reports).
    public var phrase: String
    /// The finding it names.
    public var findingID: String
    /// For a combination, each part's alternatives (each one or more words); empty for a phrase.
    public var parts: [[String]]

    /// A phrase matched whole (filler words may sit between its words).
    ///
    /// Example: `LexiconEntry(phrase: "fizz", findingID: "fizz")`.
    public init(phrase: String, findingID: String) {
        self.phrase = phrase
        self.findingID = findingID
        self.parts = []
    }

    /// A combination: one alternative of each part, in either order, in one clause, with
    /// at most ``SymptomMatcher/combinationGap`` other words between them.
    ///
    /// Example: `LexiconEntry(combination: [["bell"], ["ringing", "chiming"]], findingID: "b")`.
    public init(combination parts: [[String]], findingID: String) {
        self.phrase = parts.map { $0.joined(separator: "|") }.joined(separator: " + ")
        self.findingID = findingID
        self.parts = parts
    }
}
