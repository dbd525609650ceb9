import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// A line that starts with an answer and goes on with words: the answer counts, and the words
/// are kept for the free-text reader when they name a sign or cannot be placed; words that
/// give another answer have the line asked again.
struct LeadingAnswerTests {
    /// The prompt a question id is asked with (as the walk shows it, taking words), and the
    /// evidence of an empty log.
    static func prompt(_ id: String) -> (Prompt, Evidence) {
        let knowledge = InterviewTestSupport.knowledge
        let question = knowledge.questions[id]!
        let kind: Prompt.Kind =
            switch question.type {
            case .findings: .pickFindings
            case .yesno: .yesNo
            default: .choice
            }
        let options =
            question.type == .findings
            ? question.findings.compactMap { id in knowledge.findings[id].map { Option(id: id, label: $0.name) } }
            : question.options
        let prompt = Prompt(
            key: id, questionID: id, kind: kind, text: question.ask, options: options, help: nil, takesWords: true)
        return (prompt, Evidence(now: InterviewTestSupport.now, timeZone: InterviewTestSupport.timeZone))
    }

    /// (question, typed, answer or nil for refused, words kept)
    static let cases: [(String, String, String?, String?)] = [
        // Lists: the leading choice, and the rest when it tells more.
        ("emergency-screen", "none, but my lips are swelling", "none", "but my lips are swelling"),
        ("emergency-screen", "None of these, it's the rash on my chest", "none", "it's the rash on my chest"),
        ("emergency-screen", "none of these, my knees feel funny", "none", "my knees feel funny"),
        ("emergency-screen", "none, nothing new", "none", nil),
        ("emergency-screen", "none of the above", "none", nil),
        ("emergency-screen", "not sure, my lips feel puffy", "unsure", "my lips feel puffy"),
        ("emergency-screen", "2, it started an hour ago", "throat-lip-swelling", nil),
        ("reaction-signs", "5, it's just sore", "face-swelling", "it's just sore"),
        ("reaction-signs", "1,3 - since this morning", "hives,rash", nil),
        ("reaction-signs", "1,3 - both on my arms", "hives,rash", "both on my arms"),
        ("emergency-screen", "none, it's been 2 days", "none", nil),
        ("reaction-signs", "5, since 10:30", "face-swelling", nil),
        ("emergency-screen", "none, not sure", nil, nil),
        ("emergency-screen", "1 and 3, maybe 4", nil, nil),
        ("emergency-screen", "5 minutes ago", nil, nil),
        ("emergency-screen", "yes, my lips", nil, nil),
        // Yes/no.
        ("infusion-ongoing", "no it finished", "no", nil),
        ("infusion-ongoing", "none", "no", nil),
        ("infusion-ongoing", "nope, finished an hour ago", "no", nil),
        ("infusion-ongoing", "yes, still going", "yes", nil),
        ("infusion-ongoing", "no, but my lips are swelling", "no", "but my lips are swelling"),
        ("infusion-ongoing", "no, yes it is", nil, nil),
        ("infusion-ongoing", "yes, not sure", nil, nil),
        // The course question.
        ("symptom-trend", "getting worse, slowly", "worse", nil),
        ("symptom-trend", "it's gone, it only lasted ten minutes", "gone", nil),
        ("symptom-trend", "it's gone", "gone", nil),
        ("symptom-trend", "went away", "gone", nil),
        ("symptom-trend", "it's stopped", "gone", nil),
        ("symptom-trend", "4", "gone", nil),
        ("symptom-trend", "5", "unsure", nil),
        ("symptom-trend", "a bit better, it's fading", "better", nil),
        ("symptom-trend", "the same, and now my lips are swelling", "same", "and now my lips are swelling"),
        ("symptom-trend", "better, then worse", nil, nil),
        ("symptom-trend", "getting slowly worse", nil, nil),
        ("symptom-trend", "same, not sure", nil, nil),
    ]

    @Test("an answer at the start of a longer line", arguments: cases)
    func leading(question: String, typed: String, answer: String?, words: String?) {
        let (prompt, evidence) = Self.prompt(question)
        let reader = AnswerReader(knowledge: InterviewTestSupport.knowledge, interview: InterviewTestSupport.interview)
        switch reader.read(typed, for: prompt, evidence: evidence) {
        case .success(let read):
            #expect(read.answer == answer, "\(typed) read as \(read.answer)")
            #expect(read.words == words, "\(typed): words \(read.words ?? "none")")
        case .failure(let refusal):
            #expect(answer == nil, "\(typed) refused: \(refusal.reason)")
        }
    }

    @Test("where words cannot be read after the answer, a line with more to tell is refused, never cut")
    func noWordsHere() {
        var (prompt, evidence) = Self.prompt("emergency-screen")
        prompt.takesWords = false
        let reader = AnswerReader(knowledge: InterviewTestSupport.knowledge, interview: InterviewTestSupport.interview)
        #expect((try? reader.read("none, but my lips are swelling", for: prompt, evidence: evidence).get()) == nil)
        #expect((try? reader.read("none, nothing new", for: prompt, evidence: evidence).get().answer) == "none")
    }

    @Test("a sign named after 'none' is read, and the answer is asked again after back")
    func signAfterNone() throws {
        let run = try CheckPipeTests.check(["none, but my lips are swelling", "yes"])
        #expect(CheckPipeTests.level(run) == "EMERGENCY")
        let back = try CheckPipeTests.check(["none, but my lips are swelling", "back", "none"])
        #expect(back.output.components(separatedBy: "First, are any of these").count == 3, "\(back.output)")
    }
}
