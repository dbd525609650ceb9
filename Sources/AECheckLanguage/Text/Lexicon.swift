import Foundation

/// One lexicon entry, normalised for matching.
///
/// Example: "Out of tune" gives `wordIDs` for "out", "of", "tune".
public struct CompiledPhrase: Sendable {
    /// The caller's phrase, as given.
    public var phrase: String
    /// The finding it names.
    public var findingID: String
    /// Indices into ``Lexicon/words`` for each word of the phrase (empty for a combination).
    public var wordIDs: [Int]
    /// For a combination: each part's alternatives as word indices.
    public var parts: [[[Int]]]
    /// The position of the entry in the caller's list (earlier wins ties).
    public var order: Int
}

/// Where one alternative of a combination part sits in the lexicon.
public struct PartAlternative: Sendable {
    public var phraseID: Int
    public var part: Int
    public var wordIDs: [Int]
}

/// The lexicon, precomputed once per matcher: phrases indexed by their first word.
///
/// Each distinct word is stored once with its variants (``WordForms``) and its letters, so a
/// text word can be compared against the whole vocabulary cheaply.
/// Example: `Lexicon(entries: [LexiconEntry(phrase: "sparkles", findingID: "u")], fuzzyBlocked: [])`.
public struct Lexicon: Sendable {
    /// Every entry with at least one word.
    public var phrases: [CompiledPhrase] = []
    /// Distinct phrase words (normalised).
    public var words: [String] = []
    /// Variants of each word in ``words``.
    public var wordVariants: [[String]] = []
    /// Letters of each word in ``words``, for edit distance.
    public var wordScalars: [[Unicode.Scalar]] = []
    /// Whether a word may be reached by typo correction (false for cue and common words).
    public var wordFuzzy: [Bool] = []
    /// Word indices grouped by letter count, for fuzzy lookup.
    public var wordsByLength: [Int: [Int]] = [:]
    /// Phrase indices keyed by every variant of their first word.
    public var phrasesByFirstVariant: [String: [Int]] = [:]
    /// Phrase indices keyed by the word index of their first word.
    public var phrasesByFirstWord: [Int: [Int]] = [:]
    /// Combination part alternatives keyed by every variant of their first word.
    public var alternativesByFirstVariant: [String: [Int]] = [:]
    /// Combination part alternatives keyed by the word index of their first word.
    public var alternativesByFirstWord: [Int: [Int]] = [:]
    /// Every combination part alternative.
    public var alternatives: [PartAlternative] = []
    /// The word forms the lexicon was built with.
    public let forms: WordForms
    /// The findings each word appears in (for "is it one of these?").
    public var findingsByWord: [[String]] = []

    /// Compiles `entries`; `fuzzyBlocked` lists normalised words that must match exactly.
    ///
    /// Entries whose phrase has no words, and combinations with a part without words, are
    /// dropped.
    /// Example: `Lexicon(entries: entries, fuzzyBlocked: ["not"])`.
    public init(entries: [LexiconEntry], fuzzyBlocked: Set<String>, forms: WordForms = WordForms()) {
        self.forms = forms
        var wordIndex: [String: Int] = [:]
        func ids(of phrase: String) -> [Int] {
            Tokenizer.words(of: phrase).map { word in
                if let id = wordIndex[word] { return id }
                let id = words.count
                wordIndex[word] = id
                words.append(word)
                wordVariants.append(forms.variants(of: word, typed: false))
                let scalars = Array(word.unicodeScalars)
                wordScalars.append(scalars)
                let blocked = fuzzyBlocked.contains(word) || CommonWords.all.contains(word)
                wordFuzzy.append(!blocked)
                wordsByLength[scalars.count, default: []].append(id)
                findingsByWord.append([])
                return id
            }
        }
        for (order, entry) in entries.enumerated() {
            let phraseID = phrases.count
            if entry.parts.isEmpty {
                let wordIDs = ids(of: entry.phrase)
                guard let first = wordIDs.first else { continue }
                for id in wordIDs where !findingsByWord[id].contains(entry.findingID) {
                    findingsByWord[id].append(entry.findingID)
                }
                phrases.append(
                    CompiledPhrase(
                        phrase: entry.phrase, findingID: entry.findingID, wordIDs: wordIDs, parts: [], order: order))
                for variant in Set(wordVariants[first]) {
                    phrasesByFirstVariant[variant, default: []].append(phraseID)
                }
                phrasesByFirstWord[first, default: []].append(phraseID)
            } else {
                let parts = entry.parts.map { $0.map(ids(of:)).filter { !$0.isEmpty } }
                guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { continue }
                for id in parts.joined().joined() where !findingsByWord[id].contains(entry.findingID) {
                    findingsByWord[id].append(entry.findingID)
                }
                phrases.append(
                    CompiledPhrase(
                        phrase: entry.phrase, findingID: entry.findingID, wordIDs: [], parts: parts, order: order))
                for (part, alternatives) in parts.enumerated() {
                    for wordIDs in alternatives {
                        let alternative = self.alternatives.count
                        self.alternatives.append(PartAlternative(phraseID: phraseID, part: part, wordIDs: wordIDs))
                        for variant in Set(wordVariants[wordIDs[0]]) {
                            alternativesByFirstVariant[variant, default: []].append(alternative)
                        }
                        alternativesByFirstWord[wordIDs[0], default: []].append(alternative)
                    }
                }
            }
        }
    }
}
