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
    /// For a combination, the tokens between its two parts (cues there govern it).
    public var interior: Range<Int>? = nil

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
        let variants = tokens.map { lexicon.forms.variants(of: $0.norm) }
        // A typo takes every form of the word it corrects to: "sparklng" is "sparkling", so
        // it also meets a phrase written "sparkled".
        let corrections = tokens.map { token in
            fuzzy.targets(of: token.norm).flatMap { lexicon.wordVariants[$0] }
                + lexicon.forms.collapsedDoubles(of: token.norm).flatMap { lexicon.forms.variants(of: $0) }
        }
        var candidates: [PhraseSpan] = []
        for start in tokens.indices {
            for (phraseID, firstCorrected) in firstWordCandidates(variants[start], corrections[start]) {
                if let span = extend(phraseID, from: start, firstCorrected, tokens, variants, corrections) {
                    candidates.append(span)
                }
            }
        }
        candidates += combinationSpans(in: tokens, variants: variants, corrections: corrections)
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

    /// Spans of combinations: one alternative of each of the two parts, in either order,
    /// in one clause (no punctuation between), with at most `combinationGap` words between.
    ///
    /// Each part occurrence is paired with the nearest occurrence of the other part, so the
    /// work is linear in the number of occurrences.
    private func combinationSpans(in tokens: [Token], variants: [[String]], corrections: [[String]])
        -> [PhraseSpan]
    {
        guard !lexicon.alternatives.isEmpty else { return [] }
        // Part occurrences, in text order: (phrase, part, start, end, corrected).
        var found: [Int: [(part: Int, start: Int, end: Int, corrected: Int)]] = [:]
        for start in tokens.indices {
            var seen: Set<Int> = []
            var candidates: [(Int, Bool)] = []
            for variant in variants[start] {
                for id in lexicon.alternativesByFirstVariant[variant] ?? [] where seen.insert(id).inserted {
                    candidates.append((id, false))
                }
            }
            for variant in corrections[start] {
                for id in lexicon.alternativesByFirstVariant[variant] ?? [] where seen.insert(id).inserted {
                    candidates.append((id, true))
                }
            }
            for (id, firstCorrected) in candidates {
                let alternative = lexicon.alternatives[id]
                var corrected = firstCorrected ? 1 : 0
                var end = start + 1
                for wordID in alternative.wordIDs.dropFirst() {
                    guard end < tokens.count, tokens[end].boundaryBefore == .none else {
                        end = -1
                        break
                    }
                    if !WordForms.overlap(variants[end], lexicon.wordVariants[wordID]) {
                        guard WordForms.overlap(corrections[end], lexicon.wordVariants[wordID]) else {
                            end = -1
                            break
                        }
                        corrected += 1
                    }
                    end += 1
                }
                guard end > start else { continue }
                found[alternative.phraseID, default: []].append(
                    (part: alternative.part, start: start, end: end, corrected: corrected))
            }
        }
        var spans: [PhraseSpan] = []
        for (phraseID, occurrences) in found {
            for first in occurrences where first.part == 0 {
                var best: PhraseSpan?
                for second in occurrences where second.part == 1 {
                    let (lower, upper) = first.start < second.start ? (first, second) : (second, first)
                    guard lower.end <= upper.start, upper.start - lower.end <= Self.combinationGap,
                        !(lower.end..<upper.end).contains(where: { tokens[$0].boundaryBefore != .none })
                    else { continue }
                    let span = PhraseSpan(
                        phraseID: phraseID, start: lower.start, end: upper.end,
                        correctedWords: first.corrected + second.corrected, gapWords: upper.start - lower.end,
                        interior: lower.end..<upper.start)
                    if best.map({ span.gapWords < $0.gapWords }) ?? true { best = span }
                }
                if let best { spans.append(best) }
            }
        }
        return spans
    }

    private func firstWordCandidates(_ variants: [String], _ corrections: [String]) -> [(Int, Bool)] {
        var result: [(Int, Bool)] = []
        for (forms, corrected) in [(variants, false), (corrections, true)] {
            for variant in forms {
                for phraseID in lexicon.phrasesByFirstVariant[variant] ?? []
                where !result.contains(where: { $0.0 == phraseID }) {
                    result.append((phraseID, corrected))
                }
            }
        }
        return result
    }

    private func extend(
        _ phraseID: Int, from start: Int, _ firstCorrected: Bool, _ tokens: [Token], _ variants: [[String]],
        _ corrections: [[String]]
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
                if WordForms.overlap(corrections[position], lexicon.wordVariants[wordID]) {
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
