import Foundation

/// Reads how long something has lasted: "2 days", "for 3 hours", "about a week", "90 min".
public enum DurationParser: Sendable {
    private static let leads: Set<String> = ["for", "the", "past", "last", "over", "lasting", "lasted"]

    /// The duration in seconds as a range (a single value unless vague or approximate).
    public static func parse(_ text: String) -> Result<ClosedRange<TimeInterval>, TimeRefusal> {
        let trimmed = TimeParser.trim(text)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        let tokens = TimeTokenizer.tokenize(trimmed)
        var index = 0
        var approximate = false
        while index < tokens.count {
            if let next = TimeVocabulary.approximatorEnd(in: tokens, at: index) {
                approximate = true
                index = next
            } else if let word = tokens[index].word, leads.contains(word) {
                index += 1
            } else {
                break
            }
        }
        guard let (quantity, end) = QuantityReader(tokens: tokens).quantity(at: index) else {
            return .failure(.unrecognised(trimmed.lowercased()))
        }
        var next = end
        if let after = TimeVocabulary.approximateSuffixEnd(in: tokens, at: next) {
            approximate = true
            next = after
        }
        if next < tokens.count, tokens[next].word == "now" { next += 1 }
        guard next == tokens.count else { return .failure(.unrecognised(trimmed.lowercased())) }
        var low = quantity.low.approximateSeconds
        var high = quantity.high.approximateSeconds
        if approximate {
            let pad = max(quantity.nominalSeconds / 4, 300)
            low = max(0, low - pad)
            high += pad
        }
        return .success(low...high)
    }
}
