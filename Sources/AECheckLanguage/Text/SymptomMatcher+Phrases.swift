import Foundation

/// A lexicon phrase found at tokens `start..<end`.
///
/// Example: "out of tune" at the start of a text gives `start == 0, end == 3`.
public struct PhraseSpan: Sendable {
    public var phraseID: Int
    public var start: Int
    public var end: Int
    /// How many words needed typo tolerance.
    public var correctedWords: Int
    /// How many filler words sit inside the span between the phrase's words.
    public var gapWords: Int = 0

    /// The number of the phrase's own words in the span.
    public var phraseWords: Int { end - start - gapWords }
}

extension SymptomMatcher {
    /// Finds every phrase occurrence, then keeps non-overlapping ones, in text order.
    ///
    /// Overlaps prefer more phrase words, then fewer gap words, then fewer corrected words,
    /// then the earlier span, then the earlier lexicon entry. Phrases never span punctuation.
    /// Example: "swollen lips" wins over "swollen" alone when both are in the lexicon.
    public func phraseSpans(in tokens: [Token], fuzzy: inout FuzzyLookup) -> [PhraseSpan] {
        let variants = tokens.map { WordForms.variants(of: $0.norm) }
        var candidates: [PhraseSpan] = []
        for start in tokens.indices {
            for (phraseID, firstCorrected) in firstWordCandidates(variants[start], tokens[start].norm, &fuzzy) {
                if let span = extend(phraseID, from: start, firstCorrected, tokens, variants, &fuzzy) {
                    candidates.append(span)
                }
            }
        }
        candidates.sort { lhs, rhs in
            if lhs.phraseWords != rhs.phraseWords { return lhs.phraseWords > rhs.phraseWords }
            if lhs.gapWords != rhs.gapWords { return lhs.gapWords < rhs.gapWords }
            if lhs.correctedWords != rhs.correctedWords { return lhs.correctedWords < rhs.correctedWords }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            return lexicon.phrases[lhs.phraseID].order < lexicon.phrases[rhs.phraseID].order
        }
        var used = [Bool](repeating: false, count: tokens.count)
        var chosen: [PhraseSpan] = []
        for span in candidates where !(span.start..<span.end).contains(where: { used[$0] }) {
            for position in span.start..<span.end { used[position] = true }
            chosen.append(span)
        }
        chosen.sort { $0.start < $1.start }
        return chosen
    }

    private func firstWordCandidates(
        _ variants: [String], _ word: String, _ fuzzy: inout FuzzyLookup
    ) -> [(Int, Bool)] {
        var result: [(Int, Bool)] = []
        for variant in variants {
            for phraseID in lexicon.phrasesByFirstVariant[variant] ?? []
            where !result.contains(where: { $0.0 == phraseID }) {
                result.append((phraseID, false))
            }
        }
        for wordID in fuzzy.targets(of: word) {
            for phraseID in lexicon.phrasesByFirstWord[wordID] ?? []
            where !result.contains(where: { $0.0 == phraseID }) {
                result.append((phraseID, true))
            }
        }
        return result
    }

    private func extend(
        _ phraseID: Int, from start: Int, _ firstCorrected: Bool, _ tokens: [Token], _ variants: [[String]],
        _ fuzzy: inout FuzzyLookup
    ) -> PhraseSpan? {
        let wordIDs = lexicon.phrases[phraseID].wordIDs
        guard start + wordIDs.count <= tokens.count else { return nil }
        var corrected = firstCorrected ? 1 : 0
        var gaps = 0
        var position = start
        for offset in 1..<max(wordIDs.count, 1) {
            position += 1
            let wordID = wordIDs[offset]
            var skipped = 0
            while true {
                guard position < tokens.count, tokens[position].boundaryBefore == .none else { return nil }
                if WordForms.overlap(variants[position], lexicon.wordVariants[wordID]) { break }
                if fuzzy.targets(of: tokens[position].norm).contains(wordID) {
                    corrected += 1
                    break
                }
                // A filler word may sit between two words of the phrase ("lips feel a bit puffy").
                guard gapWords.contains(tokens[position].norm), skipped < MatcherCues.maxGap else { return nil }
                skipped += 1
                position += 1
            }
            gaps += skipped
        }
        return PhraseSpan(
            phraseID: phraseID, start: start, end: position + 1, correctedWords: corrected, gapWords: gaps)
    }
}
