import Foundation

/// One lexicon phrase, normalised for matching.
///
/// Example: "Out of tune" gives `wordIDs` for "out", "of", "tune".
public struct CompiledPhrase: Sendable {
    /// The caller's phrase, as given.
    public var phrase: String
    /// The finding it names.
    public var findingID: String
    /// Indices into ``Lexicon/words`` for each word of the phrase.
    public var wordIDs: [Int]
    /// The position of the entry in the caller's list (earlier wins ties).
    public var order: Int
}

/// The lexicon, precomputed once per matcher: phrases indexed by their first word.
///
/// Each distinct phrase word is stored once with its plural variants and its letters, so a
/// text word can be compared against the whole vocabulary cheaply.
/// Example: `Lexicon(entries: [LexiconEntry(phrase: "sparkles", findingID: "u")], fuzzyBlocked: [])`.
public struct Lexicon: Sendable {
    /// Every phrase with at least one word.
    public var phrases: [CompiledPhrase] = []
    /// Distinct phrase words (normalised).
    public var words: [String] = []
    /// Plural variants of each word in ``words``.
    public var wordVariants: [[String]] = []
    /// Letters of each word in ``words``, for edit distance.
    public var wordScalars: [[Unicode.Scalar]] = []
    /// Whether a word may be reached by typo correction (false for cue and common words).
    public var wordFuzzy: [Bool] = []
    /// Word indices grouped by letter count, for fuzzy lookup.
    public var wordsByLength: [Int: [Int]] = [:]
    /// Phrase indices keyed by every plural variant of their first word.
    public var phrasesByFirstVariant: [String: [Int]] = [:]
    /// Phrase indices keyed by the word index of their first word.
    public var phrasesByFirstWord: [Int: [Int]] = [:]

    /// Compiles `entries`; `fuzzyBlocked` lists normalised words that must match exactly.
    ///
    /// Entries whose phrase has no words are dropped.
    /// Example: `Lexicon(entries: entries, fuzzyBlocked: ["not"])`.
    public init(entries: [LexiconEntry], fuzzyBlocked: Set<String>) {
        var wordIndex: [String: Int] = [:]
        for (order, entry) in entries.enumerated() {
            let normalised = Tokenizer.words(of: entry.phrase)
            guard !normalised.isEmpty else { continue }
            var ids: [Int] = []
            for word in normalised {
                if let id = wordIndex[word] {
                    ids.append(id)
                    continue
                }
                let id = words.count
                wordIndex[word] = id
                words.append(word)
                wordVariants.append(WordForms.variants(of: word))
                let scalars = Array(word.unicodeScalars)
                wordScalars.append(scalars)
                let blocked = fuzzyBlocked.contains(word) || CommonWords.all.contains(word)
                wordFuzzy.append(!blocked)
                wordsByLength[scalars.count, default: []].append(id)
                ids.append(id)
            }
            let phraseID = phrases.count
            phrases.append(
                CompiledPhrase(phrase: entry.phrase, findingID: entry.findingID, wordIDs: ids, order: order))
            for variant in Set(wordVariants[ids[0]]) {
                phrasesByFirstVariant[variant, default: []].append(phraseID)
            }
            phrasesByFirstWord[ids[0], default: []].append(phraseID)
        }
    }
}
