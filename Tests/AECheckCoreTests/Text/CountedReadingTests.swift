import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// A count the person typed with a sign makes it the graver sign from the knowledge's count
/// on (`counted-findings`): diarrhoea six or more times is very bad diarrhoea.
struct CountedReadingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let severe: Bool
        var testDescription: String { "\(text) -> \(severe ? "very bad diarrhoea" : "diarrhoea")" }
    }

    static let cases: [Case] = [
        Case(text: "I have had diarrhoea more than ten times today", severe: true),
        Case(text: "runny poo 8 times since this morning", severe: true),
        Case(text: "the runs, about twenty five times", severe: true),
        Case(text: "diarrhoea 6 times", severe: true),
        // Under the count, or no count: the sign as it is.
        Case(text: "diarrhoea twice today", severe: false),
        Case(text: "diarrhoea 3 times", severe: false),
        Case(text: "diarrhoea for 10 days", severe: false),
        // Someone else's count is not the patient's.
        Case(text: "my son has had diarrhoea 10 times", severe: false),
        // The count must be in the sign's own clause (or the one after a comma).
        Case(text: "diarrhoea. I rang the clinic 8 times", severe: false),
    ]

    @Test(arguments: cases)
    func reading(_ test: Case) {
        let interview = InterviewTestSupport.interview
        let found = interview.understand(
            test.text, now: InterviewTestSupport.now, timeZone: InterviewTestSupport.timeZone)
        let severe = found.contains {
            $0.match.findingID == "severe-diarrhoea" && $0.match.status == .present && !$0.match.aboutSomeoneElse
        }
        #expect(severe == test.severe, "\(found.map { ($0.match.findingID, $0.match.status) })")
    }
}
