import Foundation

/// Finds the caller's anchor phrases ("the session started") in a token stream, longest first.
public struct AnchorMatcher: Sendable {
    /// One phrase as words, with the anchor id it names.
    public struct Entry: Sendable {
        var words: [String]
        var id: String
        var phrase: String
    }

    private let entries: [Entry]

    public init(_ phrases: [String: String]) {
        entries =
            phrases.compactMap { phrase, id -> Entry? in
                let words = TimeTokenizer.tokenize(phrase).compactMap(\.word)
                return words.isEmpty ? nil : Entry(words: words, id: id, phrase: phrase.lowercased())
            }
            .sorted { ($0.words.count, $1.phrase) > ($1.words.count, $0.phrase) }
    }

    /// The longest phrase starting at `index` and the index after it, or nil.
    public func match(in tokens: [TimeToken], at index: Int) -> (Entry, Int)? {
        for entry in entries where index + entry.words.count <= tokens.count {
            var matches = true
            for (offset, word) in entry.words.enumerated() where tokens[index + offset].word != word {
                matches = false
                break
            }
            if matches { return (entry, index + entry.words.count) }
        }
        return nil
    }
}
