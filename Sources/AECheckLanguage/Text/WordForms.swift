import Foundation

/// Lexical variants of a word (in the manner of MetaMap's lexical variants): the word, the
/// caller's irregular form of it, and the regular stems its suffix may hide, each kept only
/// when it is a real word.
///
/// Two words are the same word form when their variant lists share an entry: "sneezing"
/// and "sneezy" both give "sneeze", "broken" gives "break" through the irregular table,
/// "taller" gives "tall". Stems are tried for -s, -es, -ies, -ed, -ied, -ing, -er, -est,
/// -ier, -iest, -ly, -ily, -y, -ness and -iness, each with the final consonant undoubled
/// ("stopped" → "stop") or a dropped e put back ("sneezed" → "sneeze"). A stem is kept only
/// when it is an English word (``EnglishWords``) or an irregular form, so "liver" and
/// "lived" do not meet at a made-up "liv"; a word listed in `keep` is its own only form.
/// A lexicon word (`typed: false`) is a dictionary form already: it is not read as a
/// comparative or an adverb (-er, -est, -ier, -iest, -ly, -ily), so the lexicon's
/// "shoulder" never stands for a typed "should".
/// Example: `WordForms(irregular: ["broken": "break"]).variants(of: "broken") == ["broken", "break"]`.
public struct WordForms: Sendable {
    /// Irregular forms: a word and the form it stands for ("went" → "go").
    public let irregular: [String: String]
    /// Words that are never read as an inflection of another ("liver", "never").
    public let keep: Set<String>
    private let irregularTargets: Set<String>

    /// Creates the variant reader; the caller's tables are lower case.
    ///
    /// Example: `WordForms(irregular: ["went": "go"], keep: ["liver"])`.
    public init(irregular: [String: String] = [:], keep: Set<String> = []) {
        self.irregular = irregular
        self.keep = keep
        self.irregularTargets = Set(irregular.values)
    }

    /// Suffixes and what replaces them to give a stem, longest first.
    private static let typedOnly: Set<String> = ["iest", "ier", "ily", "est", "er", "ly"]
    private static let rules: [(suffix: String, replacements: [String], undouble: Bool)] = [
        ("iness", ["y"], false), ("iest", ["y"], false), ("ness", [""], false), ("ings", ["", "e"], true),
        ("ies", ["y"], false), ("ied", ["y"], false), ("ier", ["y"], false), ("ily", ["y"], false),
        ("est", ["", "e"], true), ("ing", ["", "e"], true), ("es", [""], false), ("ed", ["", "e"], true),
        ("er", ["", "e"], true), ("ly", [""], false), ("s", [""], false), ("y", ["", "e"], true),
    ]

    /// The word, then its irregular form, then the real-word stems, without repeats.
    ///
    /// Words of three letters or fewer, words with digits and words in `keep` give only
    /// themselves (and their irregular form).
    /// Example: `WordForms().variants(of: "darkness")` contains "dark".
    public func variants(of word: String, typed: Bool = true) -> [String] {
        var result = [word]
        func add(_ form: String) {
            if !result.contains(form) { result.append(form) }
        }
        if let form = irregular[word] { add(form) }
        guard word.utf8.count > 3, !keep.contains(word), word.utf8.allSatisfy({ (0x61...0x7A).contains($0) })
        else { return result }
        for stem in stems(of: word, typed: typed) {
            if let form = irregular[stem] {
                add(stem)
                add(form)
            } else if isWord(stem) {
                add(stem)
                // "feelings" → "feeling" → "feel": one more step for a plural of a derived form.
                if stem.hasSuffix("ing") || stem.hasSuffix("ness") {
                    for inner in stems(of: stem, typed: typed) where isWord(inner) { add(inner) }
                }
            }
        }
        return result
    }

    /// Real words made by typing one letter once where it was typed twice, for a word that is
    /// not itself a real word: "sitt" gives "sit", "sparklles" gives "sparkles". A spelling
    /// correction, not a word form.
    ///
    /// Example: `WordForms().collapsedDoubles(of: "fitt") == ["fit"]`.
    public func collapsedDoubles(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        guard bytes.count > 3, !EnglishWords.contains(word) else { return [] }
        var result: [String] = []
        for index in 1..<bytes.count where bytes[index] == bytes[index - 1] {
            var single = bytes
            single.remove(at: index)
            let form = String(decoding: single, as: UTF8.self)
            if !result.contains(form), irregular[form] != nil || isWord(form) { result.append(form) }
        }
        return result
    }

    /// Whether two variant lists share an entry.
    ///
    /// Example: `WordForms.overlap(["apples", "apple"], ["apple"]) == true`.
    public static func overlap(_ lhs: [String], _ rhs: [String]) -> Bool {
        lhs.contains { rhs.contains($0) }
    }

    private func isWord(_ stem: String) -> Bool {
        irregularTargets.contains(stem) || EnglishWords.contains(stem)
    }

    private func stems(of word: String, typed: Bool) -> [String] {
        var result: [String] = []
        let bytes = Array(word.utf8)
        for rule in Self.rules where typed || !Self.typedOnly.contains(rule.suffix) {
            let suffix = Array(rule.suffix.utf8)
            guard bytes.count >= suffix.count + 3, bytes.suffix(suffix.count).elementsEqual(suffix) else { continue }
            let stem = Array(bytes.dropLast(suffix.count))
            if rule.suffix == "s", let last = stem.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "u") {
                continue
            }
            // -es only after a hissing sound or o ("wishes", "boxes", "tomatoes"); else it is -s.
            if rule.suffix == "es", let last = stem.last, !"sxzho".utf8.contains(last) { continue }
            for replacement in rule.replacements {
                result.append(String(decoding: stem + Array(replacement.utf8), as: UTF8.self))
            }
            // A doubled final consonant: "stopped" → "stop", "bigger" → "big".
            if rule.undouble, stem.count >= 4, stem[stem.count - 1] == stem[stem.count - 2],
                !"aeiouls".utf8.contains(stem[stem.count - 1])
            {
                result.append(String(decoding: stem.dropLast(), as: UTF8.self))
            }
        }
        return result
    }
}
