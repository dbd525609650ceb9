import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

@Suite("SymptomMatcher negation and uncertainty")
struct SymptomMatcherNegationTests {
    @Test(
        "each negation-before form",
        arguments: [
            ("no fever", ["fever:absent"], "no"),
            ("not itchy", ["itch:absent"], "not"),
            ("I am without fever", ["fever:absent"], "without"),
            ("denies chest pain", ["chest-pain:absent"], "denies"),
            ("never had hives", ["hives:absent"], "never"),
            ("I don't have a headache", ["headache:absent"], "don't have"),
            ("I dont have a headache", ["headache:absent"], "don't have"),
            ("free of rash", ["rash:absent"], "free of"),
            ("no sign of swelling", ["swelling:absent"], "no sign of"),
            ("I haven’t had any trouble breathing", ["breathing:absent"], "haven't had"),
            ("No rash on my arms", ["rash:absent"], "no"),
        ])
    func negationBefore(text: String, expected: [String], cue: String) {
        let matches = Fixtures.matcher.match(text)
        #expect(matches.map(Fixtures.describe) == expected)
        #expect(matches.first?.cue == cue)
    }

    @Test(
        "negation scope ends at punctuation, scope words and distance",
        arguments: [
            ("no fever but a rash", ["fever:absent", "rash:present"]),
            ("no fever, however a rash", ["fever:absent", "rash:present"]),
            ("no fever. Rash", ["fever:absent", "rash:present"]),
            ("no; hives", ["hives:present"]),
            ("No, I have hives", ["hives:present"]),
            ("not now: hives", ["hives:present"]),
            ("no fever and yet a rash", ["fever:absent", "rash:present"]),
            ("no idea why but I have a headache", ["headache:present"]),
            ("no one told me that after an hour I got hives", ["hives:present"]),
            ("no fever and I have a rash", ["fever:absent", "rash:present"]),
        ])
    func negationScope(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }

    @Test(
        "negation flows along a list",
        arguments: [
            ("no fever or rash", ["fever:absent", "rash:absent"]),
            ("without fever or chills or hives", ["fever:absent", "hives:absent"]),
            ("no fever, rash or swelling", ["fever:absent", "rash:absent", "swelling:absent"]),
            (
                "no fever, rash, hives, headache, itching or swelling",
                [
                    "fever:absent", "rash:absent", "hives:absent", "headache:absent", "itch:absent",
                    "swelling:absent",
                ]
            ),
            ("no fever nor rash", ["fever:absent", "rash:absent"]),
            ("no fever or any rash", ["fever:absent", "rash:absent"]),
            ("no fever, I got a rash", ["fever:absent", "rash:present"]),
            ("no fever or rash but hives", ["fever:absent", "rash:absent", "hives:present"]),
            ("the rash went away, hives", ["rash:absent", "hives:present"]),
        ])
    func listNegation(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }

    @Test(
        "negation after the phrase",
        arguments: [
            ("the rash has gone away", ["rash:absent"]),
            ("headache is gone", ["headache:absent"]),
            ("the itching went away", ["itch:absent"]),
            ("rash not present", ["rash:absent"]),
            ("headache and rash went away", ["headache:absent", "rash:absent"]),
            ("I have a headache and the rash went away", ["headache:present", "rash:absent"]),
            ("hives, headache is gone", ["hives:present", "headache:absent"]),
            ("headache. It is gone", ["headache:present"]),
            ("headache but the fever is gone", ["headache:present", "fever:absent"]),
        ])
    func negationAfter(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }

    @Test(
        "uncertainty",
        arguments: [
            ("maybe a rash", ["rash:unknown"], "maybe"),
            ("I think my lips are swollen", ["swelling:unknown"], "i think"),
            ("not sure if it's hives", ["hives:unknown"], "not sure if"),
            ("possibly a fever", ["fever:unknown"], "possibly"),
            ("it might be hives", ["hives:unknown"], "might be"),
            ("perhaps hives or a rash", ["hives:unknown", "rash:unknown"], "perhaps"),
            ("kind of itchy", ["itch:unknown"], "kind of"),
            ("maybe no rash", ["rash:unknown"], "maybe"),
        ])
    func uncertainty(text: String, expected: [String], cue: String) {
        let matches = Fixtures.matcher.match(text)
        #expect(matches.map(Fixtures.describe) == expected)
        #expect(matches.first?.cue == cue)
    }

    @Test(
        "uncertainty scope",
        arguments: [
            ("maybe a rash but definitely hives", ["rash:unknown", "hives:present"]),
            ("maybe a rash and I have a headache", ["rash:unknown", "headache:present"]),
            ("I think, hives", ["hives:present"]),
        ])
    func uncertaintyScope(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }
}
