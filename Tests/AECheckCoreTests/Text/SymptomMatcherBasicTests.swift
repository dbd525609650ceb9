import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

@Suite("SymptomMatcher basics")
struct SymptomMatcherBasicTests {
    @Test(
        "case and punctuation",
        arguments: [
            ("FEVER", ["fever:present"]),
            ("I have a Fever!!!", ["fever:present"]),
            ("\"rash\"", ["rash:present"]),
            ("(headache)", ["headache:present"]),
            ("Chest-pain since noon", ["chest-pain:present"]),
            ("rash...", ["rash:present"]),
            ("feverish", []),
            ("feverfew tea", []),
        ])
    func caseAndPunctuation(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }

    @Test(
        "plurals match singulars on both sides",
        arguments: [
            ("hive on my arm", ["hives:present"]),
            ("big hives", ["hives:present"]),
            ("two bruises", ["bruise:present"]),
            ("a blister", ["blister:present"]),
            ("body ache", ["ache:present"]),
            ("rashes everywhere", ["rash:present"]),
            ("headaches all week", ["headache:present"]),
        ])
    func plurals(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }

    @Test(
        "multi-word phrases",
        arguments: [
            ("I am short of breath", ["breathing:present"]),
            ("I can't breathe", ["breathing:present"]),
            ("I cannot breathe", ["breathing:present"]),
            ("I can’t breathe", ["breathing:present"]),
            ("pins and needles in my feet", ["paraesthesia:present"]),
            ("my eyes are yellow", []),
            ("yellow, eyes", []),
            ("swollen lips", ["lip-swelling:present"]),
            ("lips swollen", ["swelling:present"]),
        ])
    func multiWord(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }

    @Test("the longest phrase wins and a word is used once")
    func longestPhraseWins() {
        let matches = Fixtures.matcher.match("very swollen lips")
        #expect(matches.count == 1)
        #expect(matches.first?.phrase == "swollen lips")
        #expect(matches.first?.matchedText == "swollen lips")
    }

    @Test(
        "several findings at once, in text order",
        arguments: [
            (
                "I have hives, a headache and chest pain; also short of breath.",
                ["hives:present", "headache:present", "chest-pain:present", "breathing:present"]
            ),
            ("rash and itching", ["rash:present", "itch:present"]),
            ("headache then fever", ["headache:present", "fever:present"]),
        ])
    func severalFindings(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }

    @Test("ranges and matched text point into the input")
    func rangesPointIntoInput() throws {
        let text = "Since noon: Short  of Breath!"
        let match = try #require(Fixtures.matcher.match(text).first)
        #expect(String(text[match.range]) == "Short  of Breath")
        #expect(match.matchedText == "Short  of Breath")
        #expect(match.phrase == "short of breath")
        #expect(match.cue == nil)
        #expect(match.corrected == false)
        #expect(match.timeRange == nil)
    }
}
