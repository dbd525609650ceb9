import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

@Suite("SymptomMatcher other person and repeats")
struct SymptomMatcherContextTests {
    @Test(
        "findings about someone else",
        arguments: [
            ("my son has hives", ["hives:present@other"]),
            ("My daughter had a fever yesterday", ["fever:present@other"]),
            ("she has a rash", ["rash:present@other"]),
            ("my son has hives and I have a headache", ["hives:present@other", "headache:present"]),
            ("my son has hives and my lips are swollen", ["hives:present@other", "swelling:present"]),
            ("my husband has a rash. I have a fever", ["rash:present@other", "fever:present"]),
            ("my wife has no fever", ["fever:absent@other"]),
            ("I have hives, my son has a rash", ["hives:present", "rash:present@other"]),
            ("my son, like me, has hives", ["hives:present"]),
        ])
    func otherPerson(text: String, expected: [String]) {
        #expect(Fixtures.summary(text) == expected)
    }

    @Test("the other-person cue is reported when nothing else changed the reading")
    func otherPersonCue() throws {
        let match = try #require(Fixtures.matcher.match("my mum has hives").first)
        #expect(match.cue == "my mum")
        let negated = try #require(Fixtures.matcher.match("my mum has no hives").first)
        #expect(negated.cue == "no")
        #expect(negated.aboutSomeoneElse)
    }

    @Test(
        "repeats keep one match per finding and person, the safest status",
        arguments: [
            ("no rash. Actually there is a rash", ["rash:present"], "rash"),
            ("maybe a rash. No rash", ["rash:unknown"], "rash"),
            ("no rash. no rash", ["rash:absent"], "rash"),
            ("hives and welts", ["hives:present"], "hives"),
            // The patient's mention and someone else's are both kept (the echo names both).
            ("my son has hives. I have hives too", ["hives:present@other", "hives:present"], "hives"),
            ("I have no hives. my son has hives", ["hives:absent", "hives:present@other"], "hives"),
        ])
    func repeats(text: String, expected: [String], firstWord: String) throws {
        let matches = Fixtures.matcher.match(text)
        #expect(matches.map(Fixtures.describe) == expected)
        let match = try #require(matches.first)
        #expect(match.matchedText.lowercased() == firstWord)
    }

    @Test("the first span of the winning status is reported")
    func firstWinningSpan() throws {
        let text = "no fever. fever now. fever still"
        let match = try #require(Fixtures.matcher.match(text).first)
        #expect(match.status == .present)
        #expect(text.distance(from: text.startIndex, to: match.range.lowerBound) == 10)
    }

    @Test("results come in text order after repeats are merged")
    func textOrderAfterMerge() {
        #expect(
            Fixtures.summary("no rash, headache. fever. rash for sure")
                == ["headache:absent", "fever:present", "rash:present"])
    }
}
