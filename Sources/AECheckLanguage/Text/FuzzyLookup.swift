import Foundation

/// Per-call memo of which lexicon words each text word is a typo of.
///
/// Each distinct text word is compared against the vocabulary once per call, so the cost of
/// typo tolerance grows with the number of distinct words, not with the text length.
/// Example: `var lookup = FuzzyLookup(lexicon: lexicon, blocked: cueWords)`;
/// `lookup.targets(of: "sparkels")` gives the word index of "sparkles".
public struct FuzzyLookup: Sendable {
    private let lexicon: Lexicon
    private let blocked: Set<String>
    private var memo: [String: [Int]] = [:]

    /// Creates an empty memo over `lexicon`; words in `blocked` are never corrected.
    ///
    /// Example: `FuzzyLookup(lexicon: lexicon, blocked: ["not"])`.
    public init(lexicon: Lexicon, blocked: Set<String>) {
        self.lexicon = lexicon
        self.blocked = blocked
    }

    /// Indices of lexicon words that `word` is within the allowed edit distance of.
    ///
    /// Exact (plural-tolerant) equals are not included. Short words, words with digits,
    /// cue words and common words give an empty list.
    /// Example: `lookup.targets(of: "whistl")` contains "whistle" when the lexicon has it.
    public mutating func targets(of word: String) -> [Int] {
        if let known = memo[word] { return known }
        let found = compute(word)
        memo[word] = found
        return found
    }

    private func compute(_ word: String) -> [Int] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 64 else { return [] }
        guard !blocked.contains(word), !CommonWords.all.contains(word) else { return [] }
        guard !scalars.contains(where: { $0.properties.numericType != nil }) else { return [] }
        // A real word is never corrected: "station" is not a typo of "nation".
        guard !EnglishWords.contains(word) else { return [] }
        let variants = lexicon.forms.variants(of: word)
        guard !variants.dropFirst().contains(where: EnglishWords.contains) else { return [] }
        // Each variant's letters, worked out once for the whole vocabulary.
        let variantScalars = variants.map { Array($0.unicodeScalars) }
        var result: [Int] = []
        var best = Int.max
        for length in max(1, scalars.count - 4)...(scalars.count + 2) {
            for id in lexicon.wordsByLength[length] ?? [] where lexicon.wordFuzzy[id] {
                if WordForms.overlap(variants, lexicon.wordVariants[id]) { continue }
                guard let distance = closeness(variantScalars, to: lexicon.wordScalars[id]) else { continue }
                if distance < best {
                    best = distance
                    result = [id]
                } else if distance == best {
                    result.append(id)
                }
            }
        }
        // The best candidate must be unique: words of one form ("sparkle", "sparkling") count once.
        guard let first = result.first,
            result.allSatisfy({ WordForms.overlap(lexicon.wordVariants[$0], lexicon.wordVariants[first]) })
        else { return [] }
        return result
    }

    /// The smallest edit distance from any variant to `target`, within the allowed edits.
    ///
    /// A short word (three or four letters, not a real word) may be one edit from a lexicon
    /// word of four letters or more that starts with the same letter ("fzz" → "fizz",
    /// "glw" → "glow"); longer words follow ``EditDistance/allowedEdits(forLength:)``.
    private func closeness(_ variants: [[Unicode.Scalar]], to target: [Unicode.Scalar]) -> Int? {
        var best: Int?
        for scalars in variants {
            var limit = EditDistance.allowedEdits(forLength: min(scalars.count, target.count))
            if scalars.count < 5 {
                guard target.count >= 4, scalars.first == target.first else { continue }
                limit = 1
            }
            guard limit > 0, let distance = EditDistance.distance(scalars, target, limit: limit) else { continue }
            best = min(best ?? distance, distance)
        }
        return best
    }
}
