import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// A temperature the person typed is compared with the fever threshold of the knowledge
/// (review 2, finding 17): "my temperature is normal" is no fever, "temperature 38.5" is.
struct MeasuredTemperatureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let fever: String?
        var testDescription: String { "\(text) -> \(fever ?? "not mentioned")" }
    }

    static let cases: [Case] = [
        Case(text: "my temperature is normal", fever: "absent"),
        Case(text: "my temperature is fine but I have a rash", fever: "absent"),
        Case(text: "my temperature is 37.2", fever: "absent"),
        Case(text: "temp 99.5 f", fever: "absent"),
        Case(text: "temperature 38.5", fever: "present"),
        Case(text: "I have a temperature of 39", fever: "present"),
        Case(text: "my temperature is 101F", fever: "present"),
        Case(text: "my temperature was 38 this morning", fever: "present"),
        // No reading: the words alone still count as a fever (the safer side).
        Case(text: "I have a temperature", fever: "present"),
        Case(text: "I have had a temperature for 3 days", fever: "present"),
        Case(text: "I have a fever", fever: "present"),
        Case(text: "no temperature", fever: "absent"),
    ]

    @Test(arguments: cases)
    func reading(_ test: Case) {
        let interview = InterviewTestSupport.interview
        let found = interview.understand(
            test.text, now: InterviewTestSupport.now, timeZone: InterviewTestSupport.timeZone)
        let fever = found.first { $0.match.findingID == "fever" && !$0.match.aboutSomeoneElse }
        #expect(fever?.match.status.rawValue == test.fever, "\(found.map { ($0.match.findingID, $0.match.status) })")
    }

    /// The number is read only from the clause of the measure word, in a plausible unit.
    @Test func numbersOutsideBodyRangesAreNotReadings() {
        #expect(MeasuredReadings.firstNumber(in: "temperature since 3 days") == nil)
        #expect(MeasuredReadings.firstNumber(in: "temp 38.2°c")?.0 == 38.2)
        #expect(MeasuredReadings.firstNumber(in: "temp 38.2°c")?.1 == "c")
        let text = "temperature 38.5. I feel bad"
        #expect(MeasuredReadings.clause(of: text, from: text.startIndex) == "temperature 38.5")
    }
}
