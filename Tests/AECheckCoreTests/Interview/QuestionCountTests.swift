import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The derived interview asks fewer questions than a fixed checklist of every question would.
struct QuestionCountTests {
    typealias S = InterviewTestSupport

    /// Realistic conversations: answers by prompt key; anything else gets the least alarming answer.
    static let scripts: [[String: String]] = [
        ["emergency-screen": "breathing-trouble"],
        [
            "emergency-screen": "unsure", "emergency-screen/breathing-trouble": "no",
            "emergency-screen/throat-lip-swelling": "yes",
        ],
        ["emergency-screen": "none", "infusion-start": S.ago(5_400), "own-words": "I have hives and feel dizzy"],
        ["emergency-screen": "none", "infusion-start": "ongoing", "own-words": "itchy rash on my arms"],
        ["emergency-screen": "none", "infusion-start": S.ago(259_200), "own-words": "I have a headache"],
        ["emergency-screen": "none", "infusion-start": S.ago(259_200), "own-words": "I feel tired"],
        [
            "emergency-screen": "none", "infusion-start": S.ago(604_800),
            "own-words": "my vision is blurry and getting worse",
        ],
        ["emergency-screen": "none", "infusion-start": S.ago(1_209_600), "own-words": "my leg feels weak"],
        ["emergency-screen": "none", "infusion-start": S.ago(432_000), "own-words": "yellow eyes"],
        ["emergency-screen": "none", "infusion-start": S.ago(172_800), "own-words": "I have a fever and a cough"],
        ["emergency-screen": "none", "infusion-start": S.ago(864_000), "own-words": "it burns when I pee"],
        ["emergency-screen": "none", "infusion-start": S.ago(2_592_000), "own-words": "no symptoms"],
        ["emergency-screen": "none", "infusion-start": "unknown", "own-words": "I feel low and sad"],
        ["emergency-screen": "none", "infusion-start": S.ago(86_400), "own-words": "I bruise easily"],
        ["emergency-screen": "none", "infusion-start": S.ago(345_600), "own-words": "cold sore on my lip"],
    ]

    @Test func fewerQuestionsThanAChecklist() {
        var counts: [Int] = []
        for script in Self.scripts {
            let run = S.run(script, fallback: S.lowestAnswer)
            #expect(run.outcome != nil, "\(script)")
            counts.append(run.log.count)
        }
        let checklist =
            S.knowledge.questions.values.filter(\.followup).count
            + (S.interview.flow.steps.filter {
                switch $0 {
                case .screen, .ask, .always, .text: true
                default: false
                }
            }.count)
        let sorted = counts.sorted()
        print("questions asked: median \(sorted[sorted.count / 2]), max \(sorted.last!), checklist \(checklist)")
        #expect(sorted.last! < checklist)
    }
}
