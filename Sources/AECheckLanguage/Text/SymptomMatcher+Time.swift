import Foundation

extension SymptomMatcher {
    /// The nearest time phrase in the same sentence for each span (spans in text order).
    ///
    /// Calls `finder` once per sentence that holds a span, with the sentence's range from its
    /// first to its last word; ranges outside that sentence are ignored.
    /// Example: "sparkles 20 minutes after it started" attaches the time phrase to sparkles.
    public static func timeRanges(
        for spans: [PhraseSpan], tokens: [Token], text: String,
        finder: (String, Range<String.Index>) -> [Range<String.Index>]
    ) -> [Range<String.Index>?] {
        var result = [Range<String.Index>?](repeating: nil, count: spans.count)
        var index = 0
        while index < spans.count {
            let sentence = tokens[spans[index].start].sentence
            var last = index
            while last + 1 < spans.count, tokens[spans[last + 1].start].sentence == sentence { last += 1 }
            let bounds = sentenceBounds(around: spans[index].start, tokens: tokens)
            let found = finder(text, bounds).filter {
                $0.lowerBound >= bounds.lowerBound && $0.upperBound <= bounds.upperBound
            }
            if !found.isEmpty {
                for member in index...last {
                    let span = spans[member]
                    let range = tokens[span.start].range.lowerBound..<tokens[span.end - 1].range.upperBound
                    result[member] = nearest(to: range, among: found, in: text)
                }
            }
            index = last + 1
        }
        return result
    }

    private static func sentenceBounds(around position: Int, tokens: [Token]) -> Range<String.Index> {
        let sentence = tokens[position].sentence
        var first = position
        while first > 0, tokens[first - 1].sentence == sentence { first -= 1 }
        var last = position
        while last + 1 < tokens.count, tokens[last + 1].sentence == sentence { last += 1 }
        return tokens[first].range.lowerBound..<tokens[last].range.upperBound
    }

    private static func nearest(
        to range: Range<String.Index>, among candidates: [Range<String.Index>], in text: String
    ) -> Range<String.Index>? {
        func offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: index) }
        let lower = offset(range.lowerBound)
        let upper = offset(range.upperBound)
        var best: (distance: Int, range: Range<String.Index>)?
        for candidate in candidates {
            let candidateLower = offset(candidate.lowerBound)
            let candidateUpper = offset(candidate.upperBound)
            var distance = max(0, max(candidateLower - upper, lower - candidateUpper))
            // A time in the sign's own clause beats a nearer one past a comma or a joining
            // word ("fizz 2 weeks ago, sparkles since yesterday").
            // (Ranges that touch or overlap have no words between them.)
            let gap: Substring =
                candidateLower >= upper
                ? text[range.upperBound..<candidate.lowerBound]
                : candidateUpper <= lower ? text[candidate.upperBound..<range.lowerBound] : ""
            if Self.partsClauses(gap) { distance += 1 << 20 }
            if let current = best, current.distance <= distance { continue }
            best = (distance, candidate)
        }
        return best?.range
    }

    /// Whether the words between a sign and a time part two clauses: a comma, a semicolon or
    /// colon, or "and", "but", "then" between them.
    private static func partsClauses(_ gap: Substring) -> Bool {
        if gap.contains(where: { ",;:".contains($0) }) { return true }
        let words = gap.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { $0 == "and" || $0 == "but" || $0 == "then" }
    }
}
