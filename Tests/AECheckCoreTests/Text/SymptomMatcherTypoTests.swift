import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

@Suite("SymptomMatcher typo tolerance")
struct SymptomMatcherTypoTests {
    @Test(
        "typos within the length-scaled limit are corrected",
        arguments: [
            ("hievs", "hives"),  // swap, 5 letters
            ("itchey", "itch"),  // insertion
            ("headach", "headache"),  // deletion
            ("swolen lips", "lip-swelling"),
            ("cant breathhe", "breathing"),
            ("troubel breathing", "breathing"),
            ("truble braething", "breathing"),
            ("swellling", "swelling"),  // 8+ letters: up to two edits
            ("swleling", "swelling"),
            ("hedeache", "headache"),
            // A short word that is not a real word may be one edit from a longer lexicon word
            // with the same first letter.
            ("fevr", "fever"),
            ("rsh", "rash"),
        ])
    func corrected(text: String, finding: String) throws {
        let match = try #require(Fixtures.matcher.match(text).first)
        #expect(match.findingID == finding)
        #expect(match.status == .present)
        #expect(match.corrected)
    }

    @Test(
        "typos beyond the limit, short words and common words are refused",
        arguments: [
            "fvr",  // two edits from "fever"
            "ash",  // a real word, one letter short of "rash"
            "hivs",
            "fewer",  // a common word is never corrected
            "hxvxs",  // two edits on 5 letters
            "swxllxxg",  // three edits on 8 letters
            "breath",  // alone, not a phrase
            "never",  // a cue word is never corrected into "fever"
            "cant breath",  // "breath" is a real word: never corrected into "breathe"
            "hitches",  // a real word, one edit from "itches"
        ])
    func refused(text: String) {
        #expect(Fixtures.summary(text) == [])
    }

    @Test("exact beats corrected when both fit the same words")
    func exactPreferred() {
        #expect(Fixtures.summary("itchy") == ["itch:present"])
        #expect(Fixtures.summary("hives") == ["hives:present"])
    }

    @Test(
        "cue words are exact: a near miss is not a cue",
        arguments: [
            ("nit itchy", ["itch:present"]),
            ("nto itchy", ["itch:present"]),
            ("deneis chest pain", ["chest-pain:present"]),
            ("denies chest pain", ["chest-pain:absent"]),
            ("maybee a rash", ["rash:present"]),
        ])
    func cueWordsAreExact(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }
}
