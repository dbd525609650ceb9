import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// An option may list other words a person types for it (the knowledge's fourth option part):
/// they count whole, whatever the case or apostrophes, and never as a part of other words.
struct OptionWordsTests {
    static let cases: [(typed: String, expected: String?)] = [
        ("1", "ongoing"),
        ("I am having the infusion right now", "ongoing"),
        ("I'm having it now", "ongoing"),
        ("IM HAVING IT NOW", "ongoing"),
        ("I\u{2019}m having it now", "ongoing"),
        ("still on the drip.", "ongoing"),
        ("now", "ongoing"),
        ("not now", nil),
        ("I'm not having it now", nil),
        ("I don't know", "unknown"),
    ]

    @Test("the infusion start question takes the ongoing option in everyday words", arguments: cases)
    func ongoing(typed: String, expected: String?) throws {
        let knowledge = InterviewTestSupport.knowledge
        let interview = InterviewTestSupport.interview
        var log: [LoggedAnswer] = []
        var prompt: Prompt?
        while case .question(let next) = interview.next(
            log: log, now: InterviewTestSupport.now, timeZone: InterviewTestSupport.timeZone), log.count < 5
        {
            if next.questionID == "infusion-start" {
                prompt = next
                break
            }
            log.append(LoggedAnswer(key: next.key, answer: next.kind == .pickFindings ? "none" : "no"))
        }
        let question = try #require(prompt, "the infusion start question was not asked")
        let evidence = interview.evidence(
            log: log, now: InterviewTestSupport.now, timeZone: InterviewTestSupport.timeZone)
        let reader = AnswerReader(knowledge: knowledge, interview: interview)
        switch reader.read(typed, for: question, evidence: evidence) {
        case .success(let typed):
            let answer = typed.answer
            if let expected {
                #expect(answer == expected, "\(typed) read as \(answer)")
            } else {
                #expect(answer != "ongoing", "\(typed) read as the ongoing option")
            }
        case .failure(let refusal):
            #expect(expected == nil, "\(typed) refused: \(refusal.reason)")
        }
    }
}
