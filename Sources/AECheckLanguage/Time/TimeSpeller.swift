import Foundation

/// Corrects misspelt time words ("yesturday", "wensday", "minuets") before the grammar runs.
///
/// A word is corrected only when it is not a time word already, not a known English word
/// (the `isKnownWord` guard), long enough to tell apart (five letters or more), and exactly one
/// time word is nearest to it, starting with the same letter, within the edits allowed for
/// length (one for five to seven letters, two from eight, counting the longer of the two words).
///
///     let speller = TimeSpeller(isKnownWord: { TimeVocabulary.guardWords.contains($0) })
///     speller.correct("wensday")  // "wednesday"
///     speller.correct("weak")     // nil: a real word
public struct TimeSpeller: Sendable {
    /// Whether a word is real English and must be left alone.
    public let isKnownWord: @Sendable (String) -> Bool
    private let candidates: [(word: String, scalars: [Unicode.Scalar])]

    /// A speller over `TimeVocabulary.spellable` with a real-word guard.
    ///
    /// The default guard is the same real-word guard as the symptom reader's: the embedded
    /// English word list (``EnglishWords``), with the time reader's own short list
    /// (`TimeVocabulary.guardWords`) for words the list lacks.
    public init(
        isKnownWord: @escaping @Sendable (String) -> Bool = {
            EnglishWords.contains($0) || TimeVocabulary.guardWords.contains($0)
        }
    ) {
        self.isKnownWord = isKnownWord
        candidates = TimeVocabulary.spellable.map { ($0, Array($0.unicodeScalars)) }
    }

    /// The speller used when none is given.
    public static let standard = TimeSpeller()

    /// The time word `word` is a misspelling of, or nil when it should be left as written.
    ///
    /// Right after a number, where only a unit can stand ("30 minuets ago"), a real word may
    /// be corrected to a unit too; anywhere else a real word is left alone.
    public func correct(_ word: String, afterNumber: Bool = false) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard EditDistance.allowedEdits(forLength: scalars.count) > 0, afterNumber || !isKnownWord(word),
            scalars.allSatisfy({ $0.properties.isAlphabetic }),
            let first = scalars.first
        else { return nil }
        var best: (word: String, distance: Int)?
        var tied = false
        // A real word after a number may only become a unit ("minuets" → "minutes").
        let unitsOnly = isKnownWord(word)
        for candidate in candidates
        where candidate.scalars.first == first && candidate.word != word
            && (!unitsOnly || TimeVocabulary.units[candidate.word] != nil)
        {
            let limit = EditDistance.allowedEdits(forLength: max(scalars.count, candidate.scalars.count))
            guard let distance = EditDistance.distance(scalars, candidate.scalars, limit: limit) else { continue }
            if let current = best {
                if distance < current.distance {
                    (best, tied) = ((candidate.word, distance), false)
                } else if distance == current.distance {
                    tied = true
                }
            } else {
                best = (candidate.word, distance)
            }
        }
        guard let best, !tied else { return nil }
        return best.word
    }
}
