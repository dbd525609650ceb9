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
            "fevr",  // 4 letters: exact only
            "rsh",
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

    @Test("no English word on its own is ever corrected into a finding's word")
    func realWordGuard() {
        // Every word of the embedded list (about 90,000): a match from a word alone may only
        // be an exact word form of a lexicon word, never a correction.
        var corrected: [String] = []
        for word in EnglishWords.all where Fixtures.matcher.match(word).contains(where: \.corrected) {
            corrected.append(word)
        }
        #expect(corrected == [])
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
