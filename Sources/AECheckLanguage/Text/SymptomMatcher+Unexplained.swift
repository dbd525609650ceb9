import Foundation

extension SymptomMatcher {
    /// The parts of `text` that no match explains: each clause (cut at punctuation and at
    /// the caller's `joiners`, such as "and" or "then") with no lexicon match that still
    /// holds a content word, as it was typed.
    ///
    /// A content word is at least three letters, not a number, and none of: a common
    /// English function word, a cue or gap word, a word in `neutral` (the caller's words for
    /// the setting: "station", "kitchen"), or a word inside one of the
    /// `ignoring` ranges (time phrases). Words said of someone other than the patient (as
    /// `reporter` reads them) explain themselves: they are no sign of the patient's.
    /// Linear in the length of the text.
    /// Example: "fizz on the table and the chairs seem odd" gives `["the chairs seem odd"]`.
    public func unexplained(
        in text: String, neutral: Set<String>, joiners: Set<String>, reassurance: Set<String> = [],
        continuations: Set<String> = [], ignoring: [Range<String.Index>] = [], reporter: Reporter = .patient
    ) -> [String] {
        let tokens = Tokenizer.tokenize(text)
        guard !tokens.isEmpty else { return [] }
        var fuzzy = FuzzyLookup(lexicon: lexicon, blocked: cueIndex.cueWords)
        let spans = lexicon.phrases.isEmpty ? [] : phraseSpans(in: tokens, fuzzy: &fuzzy)
        var covered = [Bool](repeating: false, count: tokens.count)
        for span in spans { for position in span.start..<span.end { covered[position] = true } }
        // A clause that says something is not there, is over, was long ago or is only a
        // "what if" is no unknown sign now; nor is one that says all is well.
        // "hasn't got any better" is no reassurance: words of a pseudo-trigger never are.
        var inPseudo = [Bool](repeating: false, count: tokens.count)
        let hits = cueIndex.hits(in: tokens, usable: { !covered[$0] })
        var spanAt = [Int](repeating: -1, count: tokens.count)
        for (index, span) in spans.enumerated() { for position in span.start..<span.end { spanAt[position] = index } }
        let someoneElse = contextReader(tokens: tokens, spans: spans, spanAt: spanAt, hits: hits, reporter: reporter)
            .someoneElsesWords()
        for index in tokens.indices where someoneElse[index] { covered[index] = true }
        for hit in hits {
            if hit.kind == .pseudo { for position in hit.start..<hit.end { inPseudo[position] = true } }
            switch hit.kind {
            case .negationBefore, .negationAfter, .resolvedAfter, .clearedAfter, .historyBefore, .historyAfter,
                .hypotheticalBefore,
                .gradual, .longstanding, .worsening, .steady, .relief:
                for position in hit.start..<hit.end { covered[position] = true }
            default: break
            }
        }
        // A clause that goes on about a sign already found ("the sparkle is the size of a
        // coin") is explained by it: it shares a word with that sign's words.
        let found = Set(spans.map { lexicon.phrases[$0.phraseID].findingID })
        var foundForms: Set<String> = []
        for id in lexicon.words.indices
        where lexicon.wordFuzzy[id] && lexicon.words[id].utf8.count >= 4 && !gapWords.contains(lexicon.words[id])
            && !CommonWords.short.contains(lexicon.words[id])
            && lexicon.findingsByWord[id].contains(where: found.contains)
        {
            foundForms.formUnion(lexicon.wordVariants[id])
        }
        for (index, token) in tokens.enumerated() where !covered[index] && !inPseudo[index] {
            let variants = lexicon.forms.variants(of: token.norm)
            if variants.contains(where: { reassurance.contains($0) || foundForms.contains($0) }) {
                covered[index] = true
            }
        }
        var fragments: [String] = []
        var clauseStart = 0
        var clauseExplained = false
        var clauseHasContent = false
        var previousExplained = false
        func close(at end: Int) {
            guard clauseStart < end else { return }
            // "... spots inside my mouth and on my ankles": a clause that opens with a word such
            // as "on" goes on with the clause before it.
            let continues = previousExplained && continuations.contains(tokens[clauseStart].norm)
            if clauseHasContent, !clauseExplained, !continues {
                fragments.append(String(text[tokens[clauseStart].range.lowerBound..<tokens[end - 1].range.upperBound]))
            }
            previousExplained = clauseExplained || continues
            clauseExplained = false
            clauseHasContent = false
        }
        for (index, token) in tokens.enumerated() {
            let joiner = joiners.contains(token.norm)
            if index > 0, token.boundaryBefore != .none || joiner {
                close(at: index)
                clauseStart = joiner ? index + 1 : index
            }
            if joiner { continue }
            if covered[index] {
                clauseExplained = true
            } else if !clauseHasContent, isContent(token, neutral: neutral, ignoring: ignoring) {
                clauseHasContent = true
            }
        }
        close(at: tokens.count)
        return fragments
    }

    /// The findings whose words are nearest the content words of `text`, best first, at most
    /// `limit`: a word of the same form counts 2, a near spelling (same first letter, one or
    /// two edits, or the same first five letters) counts 1; only the best-scoring findings
    /// are given, in the lexicon's order.
    /// Example: "my lamp seems odd" may give the findings whose phrases mention a lamp.
    public func closestFindings(to text: String, neutral: Set<String>, limit: Int) -> [String] {
        let tokens = Tokenizer.tokenize(text).filter { isContent($0, neutral: neutral, ignoring: []) }
        var scores: [String: Int] = [:]
        var order: [String: Int] = [:]
        for phrase in lexicon.phrases where order[phrase.findingID] == nil {
            order[phrase.findingID] = phrase.order
        }
        for token in tokens {
            let variants = lexicon.forms.variants(of: token.norm)
            let scalars = Array(token.norm.unicodeScalars)
            var best: [String: Int] = [:]
            for id in lexicon.words.indices where lexicon.wordFuzzy[id] {
                let score: Int
                if WordForms.overlap(variants, lexicon.wordVariants[id]) {
                    score = 2
                } else if scalars.count >= 4, isNear(scalars, lexicon.wordScalars[id]) {
                    score = 1
                } else {
                    continue
                }
                for finding in lexicon.findingsByWord[id] where best[finding, default: 0] < score {
                    best[finding] = score
                }
            }
            for (finding, score) in best { scores[finding, default: 0] += score }
        }
        // Only the best tier: a finding that shares a word form outranks any near spelling.
        let top = scores.values.max() ?? 0
        return scores.filter { $0.value == top }.sorted { lhs, rhs in
            order[lhs.key, default: 0] < order[rhs.key, default: 0]
        }.prefix(limit).map(\.key)
    }

    private func isContent(_ token: Token, neutral: Set<String>, ignoring: [Range<String.Index>]) -> Bool {
        let word = token.norm
        // A number, in digits or in words ("twenty five times"), is no sign.
        guard word.utf8.count >= 3, !word.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            TimeVocabulary.number(word) == nil
        else { return false }
        if cueIndex.cueWords.contains(word) || gapWords.contains(word) || cueIndex.joiners.contains(word)
            || cueIndex.cueWords.contains(cueIndex.cueSpelling(of: word))
        {
            return false
        }
        for variant in lexicon.forms.variants(of: word)
        where neutral.contains(variant) || CommonWords.all.contains(variant) || CommonWords.short.contains(variant) {
            return false
        }
        return !ignoring.contains { $0.contains(token.range.lowerBound) }
    }

    private func isNear(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Bool {
        // Typos rarely change the first letter; short lexicon words are too easily near.
        guard rhs.count >= 4, lhs.first == rhs.first else { return false }
        if lhs.count >= 5, rhs.count >= 5, lhs.prefix(5).elementsEqual(rhs.prefix(5)) { return true }
        // A suggestion, not a correction: one edit is allowed even on a four-letter word.
        let limit = max(1, EditDistance.allowedEdits(forLength: min(lhs.count, rhs.count)))
        return EditDistance.distance(lhs, rhs, limit: limit) != nil
    }
}
