import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The reader's layers on a small lexicon written here: combinations, ConText-style cues and
/// who the text is about. The words live in this test; the library holds none.
@Suite("Reader layers: concepts, context and who it is about")
struct ReaderLayerTests {
    static let swell = ["swollen", "puffy", "puffed up", "ballooning", "fat"]
    static let entries: [LexiconEntry] =
        [
            LexiconEntry(combination: [["lips", "tongue", "throat"], swell], findingID: "swelling"),
            LexiconEntry(combination: [["leg", "arm", "hand"], ["weak", "heavy", "floppy"]], findingID: "weakness"),
            LexiconEntry(phrase: "seize", findingID: "seizure"),
            LexiconEntry(phrase: "fit", findingID: "seizure"),
            LexiconEntry(phrase: "hives", findingID: "hives"),
            LexiconEntry(phrase: "be sick", findingID: "vomiting"),
            LexiconEntry(phrase: "vomit blood", findingID: "vomit-blood"),
            LexiconEntry(phrase: "face red", findingID: "flushing"),
            LexiconEntry(phrase: "rash", findingID: "rash"),
            LexiconEntry(phrase: "bleed", findingID: "bleeding"),
            LexiconEntry(combination: [["foot", "leg"], ["numb"]], findingID: "numbness"),
        ]

    static let cues: MatcherCues = {
        var cues = MatcherCues(
            negationBefore: ["no", "not", "havent", "never had", "dont"],
            negationAfter: ["is gone"], uncertainty: ["maybe", "not sure if"],
            otherPerson: ["my neighbour"], scopeEnds: ["but"],
            gapWords: ["is", "are", "has", "have", "gone", "all", "really", "feel", "feels", "very"])
        cues.historyAfter = ["when i was", "last year", "years ago"]
        cues.historyBefore = ["as a child", "used to get"]
        cues.hypotheticalBefore = ["what if", "in case", "should i worry if"]
        cues.resolvedAfter = ["settled", "eased off"]
        cues.clearedAfter = ["cleared up", "has gone", "gone now", "went away", "is over"]
        cues.afterCueTrailing = ["now", "again", "completely"]
        cues.pseudo = ["wont stop", "no longer"]
        cues.relations = ["my husband", "my wife", "my son"]
        cues.gradual = ["crept up", "gradually"]
        cues.longstanding = ["for years", "the same"]
        cues.worsening = ["getting worse", "spreading"]
        cues.steady = ["no worse", "not getting any worse"]
        cues.relief = ["helps", "takes the edge off"]
        cues.backReference = ["it", "they"]
        cues.otherPerson = ["my neighbour", "my brother"]
        return cues
    }()

    static let matcher = SymptomMatcher(
        entries: entries,
        forms: WordForms(irregular: ["swollen": "swell", "bled": "bleed", "seized": "seize", "been": "be"]),
        cues: cues)

    static func read(_ text: String, reporter: Reporter = .patient) -> [String] {
        matcher.match(text, reporter: reporter).map { match in
            var out = "\(match.findingID):\(match.status.rawValue)"
            if match.aboutSomeoneElse { out += "@other" }
            if match.temporality != .current { out += "@" + match.temporality.rawValue }
            if match.resolved { out += match.cleared ? "@cleared" : "@resolved" }
            return out
        }
    }

    @Test(
        "combinations match in either order inside one clause, with a few words between",
        arguments: [
            ("my throat is swollen", ["swelling:present"]),
            ("swollen throat", ["swelling:present"]),
            ("my lips have gone all puffy", ["swelling:present"]),
            ("swelling in my throat", ["swelling:present"]),  // word form: swelling → swell
            ("my tongue is ballooning", ["swelling:present"]),
            ("my leg is weaker", ["weakness:present"]),  // comparative
            ("my right hand feels really heavy", ["weakness:present"]),
            // Punctuation ends a clause: the parts are not joined across it.
            ("my lips. swollen", [String]()),
            // Too far apart.
            ("my lips are fine and my ankles and feet are a bit swollen", [String]()),
        ])
    func combinations(text: String, expected: [String]) {
        #expect(Self.read(text) == expected)
    }

    @Test(
        "word forms: irregular and regular forms meet the lexicon's form",
        arguments: [
            ("he seized", ["seizure:present"]), ("she is fitting", ["seizure:present"]),
            ("I vomited blood", ["vomit-blood:present"]), ("my gums bled", ["bleeding:present"]),
        ])
    func wordForms(text: String, expected: [String]) {
        #expect(Self.read(text) == expected)
    }

    @Test(
        "ConText: negation, history, hypothetical and resolution, with pseudo-triggers",
        arguments: [
            ("haven't been sick", ["vomiting:absent"]),
            ("my throat is not swollen", ["swelling:absent"]),  // a cue between the parts
            ("my face has gone red", ["flushing:present"]),  // "gone" is no negation here
            ("I had a fit when I was 12", ["seizure:present@historical"]),
            ("swollen lips last year from peanuts", ["swelling:present@historical"]),
            ("as a child I had fits", ["seizure:present@historical"]),
            ("what if my throat swells up", ["swelling:present@hypothetical"]),
            ("should I worry if I get hives", ["hives:present@hypothetical"]),
            ("the rash has gone now", ["rash:present@cleared"]),
            ("hives cleared up", ["hives:present@cleared"]),
            ("the hives have settled", ["hives:present@resolved"]),  // better, not gone
            // The latest mention tells whether it has gone.
            ("I had a rash on Monday. The rash is over", ["rash:present@cleared"]),
            ("the rash went away, but now the rash is back", ["rash:present"]),
            // Settling told in a clause of its own reaches the signs of its sentence only.
            ("hives on my arm, they have gone now", ["hives:present@cleared"]),
            ("my leg was weak for an hour, it settled", ["weakness:present@resolved"]),
            // ... or of the sentence before, when its own sentence points back to them.
            ("hives on my arm. It settled", ["hives:present@resolved"]),
            ("hives on my arm. They went away", ["hives:present@cleared"]),
            ("hives on my arm. My tummy settled", ["hives:present"]),
            ("my nose wont stop bleeding", ["bleeding:present"]),  // pseudo-trigger, not "stop" resolved
            ("the rash has gone red", ["rash:present"]),  // an after-cue only ends a clause
        ])
    func context(text: String, expected: [String]) {
        #expect(Self.read(text) == expected)
    }

    @Test(
        "course: a clause's own cue, then a course-only clause of the sentence, then a course-only sentence",
        arguments: [
            ("hives since this morning, my foot has been numb for years", ["hives:-", "numbness:longstanding"]),
            ("my leg is weaker, it crept up gradually", ["weakness:gradual"]),
            ("My foot is numb. It has been the same for years.", ["numbness:longstanding"]),
            ("my leg is weaker and getting worse", ["weakness:-+"]),
            // A slip in a worsening cue is read as the cue (never in a negation: see the typo tests).
            ("my leg is weaker and gettin werse", ["weakness:-+"]),
            // Holding steady: a steady cue, or a negation just before a worsening cue.
            ("the rash is not spreading", ["rash:-="]),
            ("rash on my arm, not getting any worse", ["rash:-="]),
            ("the rash is spreading", ["rash:-+"]),
            // Worse wins over steady in one clause (the safer reading).
            ("the rash is no worse but my leg is weaker and getting worse", ["rash:-+", "weakness:-+"]),
        ])
    func course(text: String, expected: [String]) {
        let read = Self.matcher.match(text).map {
            "\($0.findingID):" + ($0.course?.rawValue ?? "-") + ($0.worsening ? "+" : "") + ($0.steady ? "=" : "")
        }
        #expect(read == expected)
    }

    @Test("who it is about: relations are someone else for the patient, the patient for a carer")
    func reporter() {
        #expect(Self.read("my husband had a fit") == ["seizure:present@other"])
        #expect(Self.read("my husband had a fit", reporter: .carer) == ["seizure:present"])
        #expect(Self.read("my wife is slurring, my neighbour has hives", reporter: .carer) == ["hives:present@other"])
        // A carer's first relation is the patient; another relation is someone else.
        #expect(
            Self.read("my husband has a rash. my son had hives last week", reporter: .carer)
                == ["rash:present", "hives:present@other"])
    }

    @Test("appending an unrelated clause never removes a finding", arguments: 0..<200)
    func appendingNeverRemoves(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let texts = [
            "my throat is swollen", "he seized", "hives all over", "I vomited blood", "my leg is weaker", "rash",
            "my lips have gone puffy", "my gums bled",
        ]
        let tails = [
            "the weather is nice", "I had lunch", "my neighbour came round", "and I watched TV", "then I slept",
            "it is Tuesday", "the drip was at ten",
        ]
        let text = texts[Int(generator.next() % UInt64(texts.count))]
        let tail = tails[Int(generator.next() % UInt64(tails.count))]
        let before = Set(Self.matcher.match(text).map(\.findingID))
        let after = Set(Self.matcher.match(text + ". " + tail).map(\.findingID))
        #expect(before.isSubset(of: after), "\(text) + \(tail)")
    }

    @Test("a negated mention is never present", arguments: ["no", "not", "never had", "dont"])
    func negatedNeverPresent(cue: String) {
        for entry in Self.entries where entry.parts.isEmpty {
            let matches = Self.matcher.match("\(cue) \(entry.phrase)")
            #expect(!matches.contains { $0.status == .present }, "\(cue) \(entry.phrase)")
        }
    }

    @Test("text no phrase explains is reported as typed; common and neutral words are not")
    func unexplained() {
        let neutral: Set<String> = ["infusion", "clinic", "fine"]
        let joiners: Set<String> = ["and", "then"]
        #expect(
            Self.matcher.unexplained(in: "a rash on my arm and my knees feel weird", neutral: neutral, joiners: joiners)
                == ["my knees feel weird"])
        #expect(
            Self.matcher.unexplained(in: "had my infusion at the clinic, all fine", neutral: neutral, joiners: joiners)
                == [])
        #expect(Self.matcher.closestFindings(to: "hivs", neutral: neutral, limit: 3) == ["hives"])
        // What eases a sign tells its course: no unknown sign. "Nothing helps" is no relief.
        #expect(
            Self.matcher.unexplained(in: "a rash, cream takes the edge off", neutral: neutral, joiners: joiners) == [])
        // Words said of someone else are no unknown sign of the patient's, unless a carer
        // names the patient with them.
        let brother = "my brother had a fit and takes pills for epilepsy"
        #expect(Self.matcher.unexplained(in: brother, neutral: neutral, joiners: joiners) == [])
        #expect(
            Self.matcher.unexplained(
                in: "my husband has weird tingles", neutral: neutral, joiners: joiners, reporter: .carer)
                == ["my husband has weird tingles"])
    }
}
