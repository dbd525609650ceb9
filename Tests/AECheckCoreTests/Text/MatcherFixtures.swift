import Foundation

@testable import AECheckCore
@testable import AECheckLanguage

/// A small test lexicon and cue set, and helpers to read results compactly.
///
/// The words live here, in tests only; the library itself holds none.
/// Example: `Fixtures.matcher.match("no fever")`.
enum Fixtures {
    static let entries: [LexiconEntry] = [
        ("fever", "fever"), ("hives", "hives"), ("welts", "hives"), ("itching", "itch"), ("itchy", "itch"),
        ("rash", "rash"), ("swelling", "swelling"), ("swollen lips", "lip-swelling"),
        ("trouble breathing", "breathing"), ("can't breathe", "breathing"), ("short of breath", "breathing"),
        ("headache", "headache"), ("chest pain", "chest-pain"), ("yellow eyes", "jaundice"),
        ("pins and needles", "paraesthesia"), ("bruise", "bruise"), ("blisters", "blister"),
        ("aches", "ache"),
        ("swollen", "swelling"),
    ].map { LexiconEntry(phrase: $0.0, findingID: $0.1) }

    static let cues = MatcherCues(
        negationBefore: [
            "no", "not", "without", "denies", "never", "don't have", "free of", "no sign of", "haven't had",
            "nor",
        ],
        negationAfter: ["is gone", "went away", "has gone away", "has stopped", "not present", "are gone"],
        uncertainty: ["maybe", "i think", "not sure if", "possibly", "might be", "perhaps", "kind of"],
        otherPerson: [
            "my son", "my daughter", "my husband", "my wife", "my partner", "my friend", "my mum", "he has",
            "she has", "they have",
        ],
        scopeEnds: ["but", "however", "although", "though", "except", "and yet"])

    static let matcher = SymptomMatcher(entries: entries, cues: cues)

    /// "finding:status" for each match, with "@other" and "~" (corrected) markers.
    ///
    /// Example: `Fixtures.summary("no fever") == ["fever:absent"]`.
    static func summary(_ text: String) -> [String] {
        matcher.match(text).map(describe)
    }

    /// One match as "finding:status", plus "@other" when about someone else, "~" when corrected.
    ///
    /// Example: `"hives:present@other"`.
    static func describe(_ match: TextMatch) -> String {
        "\(match.findingID):\(match.status.rawValue)" + (match.aboutSomeoneElse ? "@other" : "")
            + (match.corrected ? "~" : "")
    }
}
