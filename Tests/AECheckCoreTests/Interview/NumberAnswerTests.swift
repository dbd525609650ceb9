import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Number answers: a plain number, the number with its unit, or a duration in another unit
/// (converted), never a number silently read in the wrong unit ("2 years" is not 2 months).
struct NumberAnswerTests {
    static let cases: [(String, String?, Double?)] = [
        ("6", "months", 6),
        ("6 months", "months", 6),
        ("1 month", "months", 1),
        ("2 years", "months", 24),
        ("a year", "months", 12),
        ("13 weeks", "months", 3.03),
        ("11 weeks", "months", 2.57),
        ("about 2 years", "months", 30),  // "about" widens by a quarter; the longer side is taken
        ("18 months", "months", 18),
        ("7 apples", "months", nil),
        ("2 years", "infusions", nil),
        ("12 infusions", "infusions", 12),
        ("45", "years", 45),
        ("45 years", "years", 45),
        ("forty", "years", nil),
        ("3", nil, 3),
    ]

    @Test("numbers, units and durations", arguments: cases)
    func read(_ text: String, unit: String?, expected: Double?) {
        switch AnswerReader.readNumber(text, unit: unit) {
        case .success(let value): #expect(expected == value, "\(text) in \(unit ?? "-") read as \(value)")
        case .failure(let refusal): #expect(expected == nil, "\(text) refused: \(refusal.reason)")
        }
    }

    @Test("a months question answered in years is converted in the interview")
    func inInterview() throws {
        let knowledge = InterviewTestSupport.knowledge
        let interview = Interview(knowledge: knowledge, flow: "intake")
        let reader = AnswerReader(knowledge: knowledge, interview: interview)
        let question = try #require(knowledge.questions["treatment-months"])
        let prompt = Prompt(
            key: question.id, questionID: question.id, kind: .number, text: question.ask, options: [],
            help: nil)
        let evidence = Evidence(now: InterviewTestSupport.now, timeZone: InterviewTestSupport.timeZone)
        #expect((try? reader.read("2 years", for: prompt, evidence: evidence).get().answer) == "24")
        #expect((try? reader.read("25", for: prompt, evidence: evidence).get().answer) == "25")
        #expect((try? reader.read("2 bananas", for: prompt, evidence: evidence).get().answer) == nil)
    }
}
